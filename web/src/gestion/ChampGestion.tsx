import { useId } from 'react';
import Form from 'react-bootstrap/Form';
import { erreurDuChamp, enProbleme } from '../commun/probleme';

interface Props {
  /** The request body's field: the API's field error for it shows here. */
  nom: string;
  libelle: string;
  type?: 'text' | 'date' | 'time' | 'number' | 'search';
  erreur?: unknown;
  defaultValue?: string | number;
  required?: boolean;
  aide?: string;
  /** A select: its options, value → label (the first, « — », means none). */
  options?: Record<string, string>;
  /** A multi-line text. */
  lignes?: number;
  onChange?: (valeur: string) => void;
  autoFocus?: boolean;
  className?: string;
}

/** The desk's fields beyond <Champ>: dates, numbers, selects, texts; the label tied, the API's error announced. */
export function ChampGestion({ nom, libelle, type = 'text', erreur, defaultValue, required = false, aide, options, lignes, onChange, autoFocus, className = 'mb-3' }: Props) {
  const id = useId();
  const message = erreurDuChamp(enProbleme(erreur), nom);
  const decrit = [aide && `${id}-aide`, message && `${id}-erreur`].filter(Boolean).join(' ') || undefined;
  const communs = {
    name: nom,
    defaultValue,
    required,
    autoFocus,
    isInvalid: Boolean(message),
    'aria-invalid': message ? true : undefined,
    'aria-describedby': decrit,
    onChange: onChange ? (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onChange(e.target.value) : undefined,
  };
  return (
    <Form.Group className={className} controlId={id}>
      <Form.Label>
        {libelle}
        {required && <span aria-hidden="true"> *</span>}
      </Form.Label>
      {options ? (
        <Form.Select {...communs}>
          {Object.entries(options).map(([valeur, texte]) => (
            <option key={valeur} value={valeur}>
              {texte}
            </option>
          ))}
        </Form.Select>
      ) : lignes ? (
        <Form.Control as="textarea" rows={lignes} {...communs} />
      ) : (
        <Form.Control type={type} {...communs} />
      )}
      {aide && (
        <Form.Text id={`${id}-aide`} muted>
          {aide}
        </Form.Text>
      )}
      {message && (
        <Form.Control.Feedback id={`${id}-erreur`} type="invalid">
          {message}
        </Form.Control.Feedback>
      )}
    </Form.Group>
  );
}

/** Values of a form by name (checkboxes: present when ticked). */
export function lireFormulaire(event: React.FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v).trim()]));
}
