import { useId } from 'react';
import Form from 'react-bootstrap/Form';
import { erreurDuChamp, enProbleme } from './probleme';

export interface ChampProps extends CadreProps {
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'search';
  autoComplete?: string;
  aide?: string;
  defaultValue?: string | number;
  /** A select: its options, value → label. */
  options?: Record<string, string>;
  /** A multi-line text, of this many rows. */
  lignes?: number;
  onChange?: (valeur: string) => void;
  autoFocus?: boolean;
}

/** What the field itself takes from its frame. */
export interface Attributs {
  name: string;
  required?: boolean;
  isInvalid: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** What every frame of a field knows. */
export interface CadreProps {
  /** The field of the request body: the API's field errors name it. */
  nom: string;
  libelle: string;
  aide?: React.ReactNode;
  /** The failed call whose field errors apply to this form. */
  erreur?: unknown;
  required?: boolean;
  className?: string;
}

/**
 * The label, hint and error of a field: the label tied by id, the hint and the error tied by aria-describedby,
 * aria-invalid when the API refused it. The field itself is `children`, given the attributes to spread.
 */
export function Cadre({ nom, libelle, aide, erreur, required, className = 'mb-3', children }: CadreProps & { children: (attributs: Attributs) => React.ReactNode }) {
  const id = useId();
  const message = erreurDuChamp(enProbleme(erreur), nom);
  const decrit = [aide && `${id}-aide`, message && `${id}-erreur`].filter(Boolean).join(' ') || undefined;
  return (
    <Form.Group className={className} controlId={id}>
      <Form.Label>
        {libelle}
        {required && <span aria-hidden="true"> *</span>}
      </Form.Label>
      {children({ name: nom, required, isInvalid: Boolean(message), 'aria-invalid': message ? true : undefined, 'aria-describedby': decrit })}
      {aide && (
        <Form.Text id={`${id}-aide`} muted as="div">
          {aide}
        </Form.Text>
      )}
      {message && (
        // The API's message, in French whatever the pages' language.
        <Form.Control.Feedback id={`${id}-erreur`} type="invalid" lang="fr">
          {message}
        </Form.Control.Feedback>
      )}
    </Form.Group>
  );
}

/**
 * A labelled field in its frame (an input, a select with `options`, a text area with `lignes`). Uncontrolled: the
 * form reads its values with `valeurs(event)`.
 */
export function Champ({ type = 'text', autoComplete, defaultValue, required = true, options, lignes, onChange, autoFocus, ...cadre }: ChampProps) {
  return (
    <Cadre {...cadre} required={required}>
      {(attributs) => {
        const communs = {
          ...attributs,
          defaultValue,
          autoFocus,
          onChange: onChange ? (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => onChange(e.target.value) : undefined,
        };
        return options ? (
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
        );
      }}
    </Cadre>
  );
}

/** The values of a form's fields, by name. */
export function valeurs(event: React.FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}
