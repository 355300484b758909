import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useNavigate, useSearchParams } from 'react-router';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme } from '../commun/Probleme';
import { session } from '../commun/session';

/** Staff login (POST /api/auth/login with a staff login), then the desk, or the page asked for. */
export default function ConnexionGestion() {
  const [params] = useSearchParams();
  const retour = params.get('retour');
  const navigate = useNavigate();
  const connexion = $api.useMutation('post', '/api/auth/login', {
    onSuccess: (ouverte) => {
      session.ouvrir(ouverte);
      void navigate(ouverte.me.kind === 'staff' ? (retour?.startsWith('/gestion') ? retour : '/gestion') : '/mon-espace');
    },
  });
  return (
    <Page titre="Connexion des gestionnaires">
      <p>Espace réservé au personnel de l’établissement : scolarités, gestionnaires et membres des commissions.</p>
      <Probleme erreur={connexion.error} />
      <Form
        noValidate
        aria-label="Connexion des gestionnaires"
        onSubmit={(e) => {
          const v = valeurs(e);
          connexion.mutate({ body: { login: v.login, password: v.password } });
        }}
      >
        <Champ nom="login" libelle="Identifiant" autoComplete="username" erreur={connexion.error} />
        <Champ nom="password" libelle="Mot de passe" type="password" autoComplete="current-password" erreur={connexion.error} />
        <Button type="submit" disabled={connexion.isPending}>
          Se connecter
        </Button>
      </Form>
    </Page>
  );
}
