import { useMutation } from '@tanstack/react-query';
import { enProbleme } from './probleme';

/** What `api.GET(…, { parseAs: 'blob' })` answers: the file, or the API's problem. */
type Reponse = { data?: Blob; error?: unknown; response: Response };

/** The file's name as the API gives it (Content-Disposition: filename*=UTF-8''… first, then filename="…"). */
function nomDuFichier(response: Response, parDefaut: string): string {
  const entete = response.headers.get('Content-Disposition') ?? '';
  const etoile = /filename\*=UTF-8''([^;]+)/i.exec(entete)?.[1];
  if (etoile) return decodeURIComponent(etoile);
  return /filename="?([^";]+)"?/i.exec(entete)?.[1] ?? parDefaut;
}

/** Hands a downloaded file to the browser, which saves it (an object URL on a link with `download`). */
export function enregistrer(fichier: Blob, nom: string): void {
  const url = URL.createObjectURL(fichier);
  const lien = document.createElement('a');
  lien.href = url;
  lien.download = nom;
  document.body.append(lien);
  lien.click();
  lien.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A download through the generated client (`api.GET(path, { params, parseAs: 'blob' })`, so the session's token goes
 * with it), saved under the API's name; its problem (a refusal, the storage down) is the mutation's error.
 */
export function useTelechargement(parDefaut: string) {
  return useMutation({
    mutationFn: async (appel: () => Promise<Reponse>) => {
      const { data, error, response } = await appel();
      if (!response.ok || !data) throw enProbleme(error ?? new TypeError('réponse vide'));
      const nom = nomDuFichier(response, parDefaut);
      enregistrer(data, nom);
      return nom;
    },
  });
}
