import Form from 'react-bootstrap/Form';
import { Cadre, type CadreProps } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import type { Option } from './referentiels';
import { TEXTES_DOSSIER } from './textes';

type Commun = Omit<CadreProps, 'className'>;

/** A list to choose from; controlled (`valeur`, `onChange`) when other fields depend on it, else `defaultValue`. */
export function Selection({
  options,
  valeur,
  defaultValue,
  onChange,
  vide,
  required = true,
  ...commun
}: Commun & { options: Option[]; valeur?: string; defaultValue?: string; onChange?: (valeur: string) => void; vide?: string }) {
  const t = useTextes(TEXTES_DOSSIER);
  const controle = valeur !== undefined ? { value: valeur, onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange?.(e.target.value) } : { defaultValue: defaultValue ?? '' };
  // An uncontrolled list whose options arrive after it mounts: keyed by their number, so the saved value shows.
  return (
    <Cadre {...commun} required={required}>
      {(attributs) => (
        <Form.Select key={valeur === undefined ? options.length : undefined} {...attributs} {...controle}>
          <option value="">{vide ?? t.choisir}</option>
          {options.map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </Form.Select>
      )}
    </Cadre>
  );
}

/** A typed value: a date, a number, a phone, or several lines of text. */
export function Saisie({
  type = 'text',
  defaultValue,
  valeur,
  onChange,
  autoComplete,
  required = true,
  lignes,
  ...commun
}: Commun & { type?: 'text' | 'date' | 'number' | 'tel'; defaultValue?: string | number; valeur?: string; onChange?: (valeur: string) => void; autoComplete?: string; lignes?: number }) {
  const controle = valeur !== undefined ? { value: valeur, onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange?.(e.target.value) } : { defaultValue: defaultValue ?? '' };
  return (
    <Cadre {...commun} required={required}>
      {(attributs) =>
        lignes ? (
          <Form.Control {...attributs} {...controle} as="textarea" rows={lignes} />
        ) : (
          <Form.Control {...attributs} {...controle} type={type} autoComplete={autoComplete} />
        )
      }
    </Cadre>
  );
}

/** A form's values by field name; empty fields left out (the API clears an optional field left out). */
export function valeursRemplies(form: HTMLFormElement): Record<string, string> {
  const valeurs: Record<string, string> = {};
  for (const [cle, valeur] of new FormData(form).entries()) {
    const texte = String(valeur).trim();
    if (texte) valeurs[cle] = texte;
  }
  return valeurs;
}

/** A whole number typed in a field (the API says what is wrong with anything else). */
export function nombre(texte: string | undefined): number | undefined {
  if (texte === undefined) return undefined;
  return /^\d+$/.test(texte) ? Number(texte) : (texte as unknown as number);
}
