import { useEffect, useRef } from 'react';
import Alert from 'react-bootstrap/Alert';
import { useTextes } from './langue';
import { enProbleme } from './probleme';
import { TEXTES_COMMUNS } from './textes';

/**
 * A failed call, shown and announced: the API's `detail` (role="alert" is read out at once) and the request id to
 * quote to the support desk. Focused when it appears, so a keyboard user lands on it after submitting. The API
 * writes French only: on English pages its sentence is marked `lang="fr"`, so a screen reader reads it as French.
 */
export function Probleme({ erreur }: { erreur: unknown }) {
  const t = useTextes(TEXTES_COMMUNS);
  const probleme = enProbleme(erreur);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (probleme) ref.current?.focus();
  }, [probleme]);
  if (!probleme) return null;
  return (
    <Alert variant="danger" role="alert" ref={ref} tabIndex={-1} className="probleme">
      <p className="mb-0" lang="fr">
        {probleme.detail}
      </p>
      {probleme.errors && probleme.errors.length > 0 && <p className="mb-0 small">{t.corrigezChamps}</p>}
      {probleme.requestId && (
        <p className="mb-0 small text-body-secondary">
          {t.reference} {probleme.requestId}
        </p>
      )}
    </Alert>
  );
}

/** A success, announced politely (role="status"). */
export function Succes({ children }: { children: React.ReactNode }) {
  return (
    <Alert variant="success" role="status">
      {children}
    </Alert>
  );
}
