import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { $api, queryClient } from '../../commun/api';
import { Chargement } from '../../commun/Gabarit';
import { Page } from '../../commun/Page';
import { Probleme } from '../../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../ChampGestion';

/**
 * A « proposition » (POST /api/candidatures/propositions): staff create a candidature for a candidate outside the
 * formation's window and the maximum, among the formations of their scope; the commission is alerted, the candidate
 * mailed. The numéro de dossier may come in the address (`?numeroDossier=`, from a search); then the new fiche.
 */
export default function Proposition() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const formations = $api.useQuery('get', '/api/offre/gestion/formations', { params: { query: { limit: 200 } } }, { staleTime: 300_000 });
  const proposition = $api.useMutation('post', '/api/candidatures/propositions', {
    onSuccess: (c) => {
      void queryClient.invalidateQueries();
      void navigate(`/gestion/candidatures/${c.id}`);
    },
  });
  return (
    <Page titre="Proposer une formation à un candidat">
      <p>
        <Link to="/gestion">Retour à la liste des candidatures</Link>
      </p>
      <p>
        La candidature est créée hors de la période de candidature et du nombre maximal de vœux, dossier complet, avec un avis favorable à valider. La
        commission en est alertée et le candidat prévenu par mail.
      </p>
      {formations.isPending && <Chargement />}
      <Probleme erreur={formations.error} />
      {formations.data && (
        <Form
          noValidate
          aria-label="Proposer une formation"
          onSubmit={(e) => {
            const v = lireFormulaire(e);
            proposition.mutate({ body: { numeroDossier: v.numeroDossier, formationId: Number(v.formationId) } });
          }}
        >
          <Probleme erreur={proposition.error} />
          <ChampGestion nom="numeroDossier" libelle="Numéro de dossier du candidat" defaultValue={params.get('numeroDossier') ?? ''} erreur={proposition.error} required />
          <ChampGestion
            nom="formationId"
            libelle="Formation"
            options={{ '': 'Choisissez une formation', ...Object.fromEntries(formations.data.items.map((f) => [String(f.id), `${f.code} · ${f.libelle}`])) }}
            erreur={proposition.error}
            required
          />
          <Button type="submit" disabled={proposition.isPending}>
            Créer la proposition
          </Button>
        </Form>
      )}
    </Page>
  );
}
