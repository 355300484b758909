import { useId } from 'react';
import Form from 'react-bootstrap/Form';
import { erreurDuChamp, enProbleme } from './probleme';

export interface ChampProps {
  /** The field of the request body: the API's field errors name it. */
  nom: string;
  libelle: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'search';
  autoComplete?: string;
  aide?: string;
  /** The failed call whose field errors apply to this form. */
  erreur?: unknown;
  defaultValue?: string | number;
  required?: boolean;
  /** A select: its options, value → label. */
  options?: Record<string, string>;
  /** A multi-line text, of this many rows. */
  lignes?: number;
  onChange?: (valeur: string) => void;
  autoFocus?: boolean;
  className?: string;
}

/**
 * A labelled field (an input, a select with `options`, a text area with `lignes`): its label tied by id, its hint and
 * its error tied by aria-describedby, aria-invalid when the API refused it. Uncontrolled: the form reads its values
 * with `valeurs(event)`.
 */
export function Champ({ nom, libelle, type = 'text', autoComplete, aide, erreur, defaultValue, required = true, options, lignes, onChange, autoFocus, className = 'mb-3' }: ChampProps) {
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
        <Form.Control type={type} autoComplete={autoComplete} {...communs} />
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

/** The values of a form's fields, by name. */
export function valeurs(event: React.FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}
