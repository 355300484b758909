import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { useNavigate } from 'react-router';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { Probleme } from '../commun/Probleme';
import { session } from '../commun/session';
import { useSite } from '../commun/site';
import { TEXTES_COMPTES } from './textes';

/** Password login (numéro de dossier or e-mail), then the candidate's space, or `retour`; CAS when it is offered. */
export function FormulaireConnexion({ identifiant, retour = '/mon-espace' }: { identifiant?: string; retour?: string }) {
  const site = useSite();
  const t = useTextes(TEXTES_COMPTES);
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
        aria-label={t.connexion}
        onSubmit={(e) => {
          const v = valeurs(e);
          connexion.mutate({ body: { login: v.login, password: v.password } });
        }}
      >
        <Champ nom="login" libelle={t.login} autoComplete="username" defaultValue={identifiant} erreur={connexion.error} aide={t.aideLogin} />
        <Champ nom="password" libelle={t.password} type="password" autoComplete="current-password" erreur={connexion.error} />
        <Button type="submit" disabled={connexion.isPending}>
          {t.seConnecter}
        </Button>
      </Form>
      {site.cas && (
        <p className="mt-4">
          {t.etudiant}{' '}
          <a className="btn btn-outline-primary" href="/api/auth/cas/login?espace=candidat">
            {t.connexionCas}
          </a>
        </p>
      )}
    </>
  );
}
