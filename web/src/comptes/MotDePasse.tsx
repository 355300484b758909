import { useSearchParams, Link } from 'react-router';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { $api } from '../commun/api';
import { useTextes } from '../commun/langue';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { TEXTES_COMPTES } from './textes';

/** The page of the CPT_MIN_MDP_OUBLIE mail's link: POST /api/comptes/mot-de-passe/reinitialisation. */
export default function MotDePasse() {
  const [params] = useSearchParams();
  const t = useTextes(TEXTES_COMPTES);
  const token = params.get('token') ?? '';
  const reinitialisation = $api.useMutation('post', '/api/comptes/mot-de-passe/reinitialisation');
  return (
    <Page titre={t.motDePasseTitre}>
      {reinitialisation.isSuccess ? (
        <>
          <Succes>{t.motDePasseChange}</Succes>
          <Link className="btn btn-primary" to="/connexion">
            {t.seConnecter}
          </Link>
        </>
      ) : (
        <>
          <Probleme erreur={reinitialisation.error} />
          {reinitialisation.error !== null && (
            <p>
              {t.lienExpire} <Link to="/comptes/identifiants-oublies">{t.demanderNouveauLien}</Link>.
            </p>
          )}
          <Form
            noValidate
            aria-label={t.choixMotDePasse}
            onSubmit={(e) => {
              const v = valeurs(e);
              reinitialisation.mutate({ body: { token, password: v.password, passwordConfirmation: v.passwordConfirmation } });
            }}
          >
            <Champ nom="password" libelle={t.nouveauPassword} type="password" autoComplete="new-password" aide={t.aidePassword} erreur={reinitialisation.error} />
            <Champ nom="passwordConfirmation" libelle={t.nouveauPasswordConfirmation} type="password" autoComplete="new-password" erreur={reinitialisation.error} />
            <Button type="submit" disabled={reinitialisation.isPending}>
              {t.enregistrerMotDePasse}
            </Button>
          </Form>
        </>
      )}
    </Page>
  );
}
