import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useNavigate } from 'react-router';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { Probleme } from '../commun/Probleme';
import { session } from '../commun/session';
import { useSite } from '../commun/site';

/** Password login (numéro de dossier or e-mail), then the candidate's space, or `retour`; CAS when it is offered. */
export function FormulaireConnexion({ identifiant, retour = '/mon-espace' }: { identifiant?: string; retour?: string }) {
  const site = useSite();
  const navigate = useNavigate();
  const connexion = $api.useMutation('post', '/api/auth/login', {
    onSuccess: (ouverte) => {
      session.ouvrir(ouverte);
      void navigate(ouverte.me.kind === 'candidat' ? retour : '/gestion');
    },
  });
  return (
    <>
      <Probleme erreur={connexion.error} />
      <Form
        noValidate
        aria-label="Connexion"
        onSubmit={(e) => {
          const v = valeurs(e);
          connexion.mutate({ body: { login: v.login, password: v.password } });
        }}
      >
        <Champ nom="login" libelle="Numéro de dossier ou adresse e-mail" autoComplete="username" defaultValue={identifiant} erreur={connexion.error} aide="Le numéro de dossier vous a été donné à l’activation de votre compte (8 caractères)." />
        <Champ nom="password" libelle="Mot de passe" type="password" autoComplete="current-password" erreur={connexion.error} />
        <Button type="submit" disabled={connexion.isPending}>
          Se connecter
        </Button>
      </Form>
      {site.cas && (
        <p className="mt-4">
          Étudiant de l’établissement ?{' '}
          <a className="btn btn-outline-primary" href="/api/auth/cas/login?espace=candidat">
            Se connecter avec le compte de l’université (CAS)
          </a>
        </p>
      )}
    </>
  );
}
