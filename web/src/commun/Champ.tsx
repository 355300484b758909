import { useId } from 'react';
import Form from 'react-bootstrap/Form';
import { erreurDuChamp, enProbleme } from './probleme';

interface ChampProps {
  /** The field of the request body: the API's field errors name it. */
  nom: string;
  libelle: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  aide?: string;
  /** The failed call whose field errors apply to this form. */
  erreur?: unknown;
  defaultValue?: string;
  required?: boolean;
}

/**
 * A labelled field: its label tied by id, its hint and its error tied by aria-describedby, aria-invalid when the API
 * refused it. Uncontrolled: the form reads its values with `valeurs(event)`.
 */
export function Champ({ nom, libelle, type = 'text', autoComplete, aide, erreur, defaultValue, required = true }: ChampProps) {
  const id = useId();
  const message = erreurDuChamp(enProbleme(erreur), nom);
  const decrit = [aide && `${id}-aide`, message && `${id}-erreur`].filter(Boolean).join(' ') || undefined;
  return (
    <Form.Group className="mb-3" controlId={id}>
      <Form.Label>
        {libelle}
        {required && <span aria-hidden="true"> *</span>}
      </Form.Label>
      <Form.Control
        name={nom}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        isInvalid={Boolean(message)}
        aria-invalid={message ? true : undefined}
        aria-describedby={decrit}
      />
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
