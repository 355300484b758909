import { Champ, type ChampProps } from '../commun/Champ';

/** The desk's fields: <Champ>, optional unless said otherwise (most of the desk's filters and actions are). */
export function ChampGestion({ required = false, ...props }: ChampProps) {
  return <Champ required={required} {...props} />;
}

/** Values of a form by name, trimmed (checkboxes: present when ticked). */
export function lireFormulaire(event: React.FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v).trim()]));
}
