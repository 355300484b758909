import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { $api } from '../commun/api';
import { useTextes } from '../commun/langue';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { TEXTES_COMPTES } from './textes';

type Demande = '/api/comptes/activation/renvoi' | '/api/comptes/identifiants-oublies';

/** A form of one e-mail address whose answer is the same whether or not it has an account (no enumeration). */
function DemandeParEmail({ titre, chemin, explication, bouton }: { titre: string; chemin: Demande; explication: string; bouton: string }) {
  const demande = $api.useMutation('post', chemin);
  const t = useTextes(TEXTES_COMPTES);
  return (
    <Page titre={titre}>
      {demande.data ? (
        <Succes>{t.demandeEnvoyee(demande.data.message)}</Succes>
      ) : (
        <>
          <p>{explication}</p>
          <Probleme erreur={demande.error} />
          <Form noValidate aria-label={titre} onSubmit={(e) => demande.mutate({ body: { email: valeurs(e).email } })}>
            <Champ nom="email" libelle={t.email} type="email" autoComplete="email" erreur={demande.error} />
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
  const t = useTextes(TEXTES_COMPTES);
  return <DemandeParEmail titre={t.identifiantsOublies} chemin="/api/comptes/identifiants-oublies" explication={t.identifiantsExplication} bouton={t.identifiantsBouton} />;
}

/** POST /api/comptes/activation/renvoi: a new activation link, the account's deadline unchanged. */
export function RenvoiActivation() {
  const t = useTextes(TEXTES_COMPTES);
  return <DemandeParEmail titre={t.lienActivationPerdu} chemin="/api/comptes/activation/renvoi" explication={t.renvoiExplication} bouton={t.renvoiBouton} />;
}
