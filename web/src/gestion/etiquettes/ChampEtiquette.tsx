import { $api } from '../../commun/api';
import { useSession } from '../../commun/session';
import { ChampGestion } from '../ChampGestion';
import { acces } from '../roles-gestion';

/** The list's `etiquette` filter: one of the labels the caller uses; nothing for those who use none (commission members). */
export function ChampEtiquette({ defaultValue, erreur }: { defaultValue: string; erreur?: unknown }) {
  const roles = useSession()?.me.roles ?? [];
  const etiquettes = $api.useQuery('get', '/api/etiquettes', {}, { enabled: acces.etiqueter(roles), staleTime: 60_000 });
  if (!etiquettes.data || etiquettes.data.length === 0) return null;
  const options = Object.fromEntries(etiquettes.data.map((e) => [String(e.id), e.centre ? `${e.libelle} (centre ${e.centre})` : e.libelle]));
  return <ChampGestion nom="etiquette" libelle="Étiquette" options={{ '': 'Toutes', ...options }} defaultValue={defaultValue} erreur={erreur} />;
}
