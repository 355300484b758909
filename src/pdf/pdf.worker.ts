import { parentPort } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { deballer } from './pdf-fonctions';
import { Assemblage, rendre } from './pdf-moteur';
import { Demande, Reponse, transferable } from './pdf-protocole';

/*
 * A PDF worker thread started by PdfPool: answers each request of the main thread (pdf-protocole.ts), one at a time.
 * An error is answered as such (the main thread decides); only a crash ends the thread, and the pool replaces it.
 */

const port = parentPort;
if (!port) throw new Error('pdf.worker.ts se lance comme worker thread (PdfPool), pas directement');

let assemblage: Assemblage | null = null;

async function traiter(demande: Demande): Promise<{ resultat: unknown; transfert: ArrayBuffer[] }> {
  switch (demande.op) {
    case 'rendre': {
      const { octets, transfert } = transferable(await rendre(deballer<TDocumentDefinitions>(demande.definition)));
      return { resultat: octets, transfert };
    }
    case 'ouvrir':
      assemblage = new Assemblage();
      return { resultat: null, transfert: [] };
    case 'joindre':
      return { resultat: await enCours().joindre(demande.type, demande.contenu), transfert: [] };
    case 'terminer': {
      const document = enCours();
      assemblage = null;
      const { octets, transfert } = transferable(await document.terminer(deballer<TDocumentDefinitions>(demande.resume)));
      return { resultat: octets, transfert };
    }
  }
}

function enCours(): Assemblage {
  if (!assemblage) throw new Error('Aucun assemblage ouvert sur ce worker');
  return assemblage;
}

port.on('message', (demande: Demande) => {
  traiter(demande).then(
    ({ resultat, transfert }) => port.postMessage({ id: demande.id, resultat } satisfies Reponse, transfert),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: demande.id, erreur: { name: e.name, message: e.message, stack: e.stack } } satisfies Reponse);
    },
  );
});
