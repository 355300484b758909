import { useSearchParams, Link } from 'react-router';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';

/** The page of the CPT_MIN_MDP_OUBLIE mail's link: POST /api/comptes/mot-de-passe/reinitialisation. */
export default function MotDePasse() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reinitialisation = $api.useMutation('post', '/api/comptes/mot-de-passe/reinitialisation');
  return (
    <Page titre="Choisir un nouveau mot de passe">
      {reinitialisation.isSuccess ? (
        <>
          <Succes>Votre mot de passe est changé : connectez-vous avec lui.</Succes>
          <Link className="btn btn-primary" to="/connexion">
            Se connecter
          </Link>
        </>
      ) : (
        <>
          <Probleme erreur={reinitialisation.error} />
          {reinitialisation.error !== null && (
            <p>
              Lien expiré ou déjà utilisé ? <Link to="/comptes/identifiants-oublies">Demander un nouveau lien</Link>.
            </p>
          )}
          <Form
            noValidate
            aria-label="Choix du mot de passe"
            onSubmit={(e) => {
              const v = valeurs(e);
              reinitialisation.mutate({ body: { token, password: v.password, passwordConfirmation: v.passwordConfirmation } });
            }}
          >
            <Champ nom="password" libelle="Nouveau mot de passe" type="password" autoComplete="new-password" aide="De 12 à 128 caractères : une phrase de passe est idéale." erreur={reinitialisation.error} />
            <Champ nom="passwordConfirmation" libelle="Nouveau mot de passe (confirmation)" type="password" autoComplete="new-password" erreur={reinitialisation.error} />
            <Button type="submit" disabled={reinitialisation.isPending}>
              Enregistrer le mot de passe
            </Button>
          </Form>
        </>
      )}
    </Page>
  );
}
