import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';

type Demande = '/api/comptes/activation/renvoi' | '/api/comptes/identifiants-oublies';

/** A form of one e-mail address whose answer is the same whether or not it has an account (no enumeration). */
function DemandeParEmail({ titre, chemin, explication, bouton }: { titre: string; chemin: Demande; explication: string; bouton: string }) {
  const demande = $api.useMutation('post', chemin);
  return (
    <Page titre={titre}>
      {demande.data ? (
        <Succes>{demande.data.message}</Succes>
      ) : (
        <>
          <p>{explication}</p>
          <Probleme erreur={demande.error} />
          <Form noValidate aria-label={titre} onSubmit={(e) => demande.mutate({ body: { email: valeurs(e).email } })}>
            <Champ nom="email" libelle="Adresse e-mail" type="email" autoComplete="email" erreur={demande.error} />
            <Button type="submit" disabled={demande.isPending}>
              {bouton}
            </Button>
          </Form>
        </>
      )}
    </Page>
  );
}

/** POST /api/comptes/identifiants-oublies: the numéro de dossier and a link to choose a new password, by mail. */
export function IdentifiantsOublies() {
  return (
    <DemandeParEmail
      titre="Identifiants oubliés"
      chemin="/api/comptes/identifiants-oublies"
      explication="Saisissez l’adresse e-mail de votre compte : vous recevrez votre numéro de dossier et un lien pour choisir un nouveau mot de passe (valable 2 heures)."
      bouton="Recevoir mes identifiants"
    />
  );
}

/** POST /api/comptes/activation/renvoi: a new activation link, the account's deadline unchanged. */
export function RenvoiActivation() {
  return (
    <DemandeParEmail
      titre="Lien d’activation perdu"
      chemin="/api/comptes/activation/renvoi"
      explication="Saisissez l’adresse e-mail donnée à la création du compte : un nouveau lien d’activation vous sera envoyé."
      bouton="Recevoir un nouveau lien"
    />
  );
}
