import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import { relire } from '../../administration/outils';
import { $api } from '../../commun/api';
import { Probleme, Succes } from '../../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../ChampGestion';

/** The grouped action: one label put on the whole selection (POST /api/candidatures/etiquettes, all or nothing). */
export function PoseEtiquettes({ ids }: { ids: number[] }) {
  const etiquettes = $api.useQuery('get', '/api/etiquettes', {}, { staleTime: 60_000 });
  const pose = $api.useMutation('post', '/api/candidatures/etiquettes', { onSuccess: () => void relire('/api/candidatures') });
  if (etiquettes.data?.length === 0) return <p>Aucune étiquette : créez-en depuis l’écran des étiquettes.</p>;
  return (
    <Form
      noValidate
      aria-label="Poser une étiquette sur la sélection"
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        pose.mutate({ body: { candidatureIds: ids, etiquetteId: Number(v.etiquetteId) } });
      }}
    >
      <Probleme erreur={etiquettes.error ?? pose.error} />
      {pose.isSuccess && (
        <Succes>
          Étiquette posée sur {pose.data.posees} candidature(s){pose.data.posees < ids.length ? ` ; ${ids.length - pose.data.posees} la portaient déjà` : ''}.
        </Succes>
      )}
      {etiquettes.data && (
        <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
          <ChampGestion nom="etiquetteId" libelle="Étiquette" options={Object.fromEntries(etiquettes.data.map((e) => [String(e.id), e.centre ? `${e.libelle} (centre ${e.centre})` : e.libelle]))} erreur={pose.error} required />
          <Button type="submit" className="mb-3" disabled={pose.isPending}>
            Poser l’étiquette
          </Button>
        </Stack>
      )}
    </Form>
  );
}
