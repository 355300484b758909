import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import { $api, queryClient } from '../../commun/api';
import { Probleme, Succes } from '../../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../ChampGestion';

/**
 * The same confirmation and return deadlines for the selected candidatures (PUT /api/candidatures/dates, 1 to 200,
 * all or nothing); a date left empty gives each candidature back its formation's.
 */
export function DelaisGroupes({ ids }: { ids: number[] }) {
  const delais = $api.useMutation('put', '/api/candidatures/dates', { onSuccess: () => void queryClient.invalidateQueries() });
  return (
    <Form
      noValidate
      aria-label="Fixer les délais de la sélection"
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        delais.mutate({ body: { candidatureIds: ids, dateConfirmation: v.dateConfirmation || null, dateRetour: v.dateRetour || null } });
      }}
    >
      {delais.isSuccess && <Succes>Délais enregistrés pour {delais.data.candidatureIds.length} candidature(s).</Succes>}
      <Probleme erreur={delais.error} />
      <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
        <ChampGestion nom="dateConfirmation" libelle="Date limite de confirmation" type="date" erreur={delais.error} aide="Vide : celle de la formation." />
        <ChampGestion nom="dateRetour" libelle="Date limite de retour" type="date" erreur={delais.error} aide="Vide : celle de la formation." />
        <Button type="submit" className="mb-3" disabled={delais.isPending}>
          Appliquer les délais
        </Button>
      </Stack>
    </Form>
  );
}
