import Button from 'react-bootstrap/Button';
import type { Schemas } from '@client';
import { $api, queryClient } from '../../commun/api';
import { Probleme } from '../../commun/Probleme';
import { useSession } from '../../commun/session';

/**
 * « Supprimer » on a note of the bloc-notes, shown on one's own notes only (the note's `auteur` is the staff login of
 * who wrote it; the API refuses anyone else's with NOTE_D_UN_AUTRE).
 */
export function SupprimerNote({ candidatureId, note }: { candidatureId: number; note: Schemas['NoteDto'] }) {
  const login = useSession()?.me.login;
  const suppression = $api.useMutation('delete', '/api/candidatures/{id}/notes/{noteId}', { onSuccess: () => void queryClient.invalidateQueries() });
  if (!login || note.auteur !== login) return null;
  return (
    <>
      <Probleme erreur={suppression.error} />
      <Button
        size="sm"
        variant="outline-danger"
        className="mt-1"
        disabled={suppression.isPending}
        aria-label={`Supprimer ma note « ${note.message.length > 40 ? `${note.message.slice(0, 40)}…` : note.message} »`}
        onClick={() => suppression.mutate({ params: { path: { id: candidatureId, noteId: note.id } } })}
      >
        Supprimer
      </Button>
    </>
  );
}
