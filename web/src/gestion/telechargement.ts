import { api } from '../commun/api';

/*
 * Files of the desk (pièces, exports, dossiers, letters' previews): the API wants the bearer token, which a plain link
 * cannot send, so the file is fetched through the generated client, then saved (commun/telechargement.ts) or shown
 * from a blob: URL.
 */

/** What `api.GET(…, { parseAs: 'blob' })` answers. */
type Lecture = Promise<{ data?: unknown; error?: unknown }>;

/**
 * Opens a file of the API in a new tab. The tab is opened at once (in the click, so no pop-up blocker stops it), then
 * given the file when it has arrived. Answers the API's problem when the file cannot be read.
 */
export async function ouvrirDansUnOnglet(lecture: () => Lecture): Promise<unknown> {
  const onglet = window.open('', '_blank');
  const { data, error } = await lecture();
  if (error || !data) {
    onglet?.close();
    return error ?? new Error('Fichier vide');
  }
  const url = URL.createObjectURL(data as Blob);
  if (onglet) onglet.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 600_000);
  return null;
}

/** Opens a pièce's file in a new tab. */
export function ouvrirPiece(candidatureId: number, pieceId: number): Promise<unknown> {
  return ouvrirDansUnOnglet(() => api.GET('/api/candidatures/{id}/pieces/{pieceId}/fichier', { params: { path: { id: candidatureId, pieceId } }, parseAs: 'blob' }));
}
