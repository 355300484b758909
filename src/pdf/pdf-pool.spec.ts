import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_ABIME, pdfDePages, png } from '../../test/support/fichiers';
import { pdfText } from '../../test/support/pdf-text';
import { Annexe, BilanAnnexes, phraseNonJointe } from './annexes';
import { PdfAssembleur } from './pdf-assembleur';
import { fonctionPdf } from './pdf-fonctions';
import { rendre } from './pdf-moteur';
import { OuvrierPdfPerdu, PdfPool } from './pdf-pool';
import { PdfRenderer } from './pdf-renderer';

/** A definition pdfmake needs a long time to lay out: a table of many pages, a footer numbered by a function. */
function grandTableau(rangees = 1500): TDocumentDefinitions {
  return {
    footer: fonctionPdf('piedDePagePagine', [40, 10, 40, 0], 'Grand tableau'),
    content: [
      {
        table: {
          headerRows: 1,
          body: [['N°', 'Libellé', 'Établissement', 'Commentaire'], ...Array.from({ length: rangees }, (_, i) => [`${i + 1}`, `Rangée ${i + 1}`, 'Université', 'Texte qui prend un peu de place'])],
        },
      },
    ],
  };
}

/**
 * How busy this thread's event loop was while `travail` ran (0: always waiting for events, 1: never), and how many
 * times a 1 ms timer fired meanwhile. A ratio rather than a duration: a loaded machine slows everything down, but
 * the main thread stays idle while a worker renders, and busy while it renders itself.
 */
async function pendant<T>(travail: () => Promise<T>): Promise<{ resultat: T; occupation: number; tics: number; plusLongBlocage: number }> {
  let tics = 0;
  let dernier = performance.now();
  let plusLongBlocage = 0;
  const minuterie = setInterval(() => {
    tics++;
    const maintenant = performance.now();
    plusLongBlocage = Math.max(plusLongBlocage, maintenant - dernier);
    dernier = maintenant;
  }, 1);
  const avant = performance.eventLoopUtilization();
  try {
    const resultat = await travail();
    plusLongBlocage = Math.max(plusLongBlocage, performance.now() - dernier);
    return { resultat, occupation: performance.eventLoopUtilization(avant).utilization, tics, plusLongBlocage };
  } finally {
    clearInterval(minuterie);
  }
}

const resumeSimple = (bilan: BilanAnnexes): TDocumentDefinitions => ({
  content: [{ text: 'Récapitulatif' }, ...bilan.joints.map((j) => ({ text: `Joint : ${j.nom} (${j.pages} p.)` })), ...bilan.nonJoints.map((f) => ({ text: phraseNonJointe(f) }))],
});

function annexe(nom: string, type: string, octets: () => Buffer | Promise<Buffer>): Annexe & { lectures: number } {
  const a = {
    piece: nom.toUpperCase(),
    nom,
    type,
    lectures: 0,
    lire: async () => {
      a.lectures++;
      return octets();
    },
  };
  return a;
}

describe('PdfPool: PDFs made on a worker thread', () => {
  let pool: PdfPool;
  let renderer: PdfRenderer;
  let assembleur: PdfAssembleur;

  beforeEach(async () => {
    pool = new PdfPool({ workers: 1 });
    renderer = new PdfRenderer(pool);
    assembleur = new PdfAssembleur(pool);
    // The worker started and pdfmake's fonts loaded, so that the measures below are of rendering only.
    await renderer.render({ content: ['Prêt'] });
  });

  afterEach(() => pool.onModuleDestroy());

  it('renders on another thread while the event loop of this one keeps turning', async () => {
    const [fil] = pool.fils();
    expect(fil.threadId).not.toBe(threadId);

    const surWorker = await pendant(() => renderer.render(grandTableau()));
    // Control: the same definition rendered on this thread keeps its event loop busy (so the measure can fail).
    const ici = await pendant(() => rendre(grandTableau()));

    // Compared with the control of the same run, not with fixed figures: on a loaded machine the process itself waits
    // for a core, which counts as busy. In-thread, the loop stops for the whole layout; with the worker, for far less.
    expect(surWorker.tics).toBeGreaterThan(0);
    expect(surWorker.occupation).toBeLessThan(ici.occupation);
    expect(surWorker.plusLongBlocage).toBeLessThan(ici.plusLongBlocage / 2);
    // The footer function was made again on the worker: every page is numbered.
    const texte = await pdfText(surWorker.resultat);
    expect(texte).toContain('Rangée 1500');
    expect(texte).toMatch(/Page (\d+) \/ \1/);
    expect(pool.fils().map((w) => w.threadId)).toEqual([fil.threadId]);
  });

  it('replaces a worker that dies: the render in flight fails, the one waiting and the next ones are served', async () => {
    const [perdu] = pool.fils();
    const enCours = renderer.render(grandTableau());
    const enAttente = renderer.render({ content: ['En attente'] });
    await new Promise((r) => setTimeout(r, 20));
    await perdu.terminate();

    await expect(enCours).rejects.toBeInstanceOf(OuvrierPdfPerdu);
    expect(await pdfText(await enAttente)).toContain('En attente');
    expect(await pdfText(await renderer.render({ content: ['Après'] }))).toContain('Après');
    expect(pool.fils()).toHaveLength(1);
    expect(pool.fils()[0].threadId).not.toBe(perdu.threadId);
  });

  it('joins the files after the summary, and names a damaged one without losing the worker', async () => {
    const [fil] = pool.fils();
    const annexes = [annexe('a.pdf', 'application/pdf', () => pdfDePages('ANNEXE-A', 2)), annexe('abime.pdf', 'application/pdf', () => Buffer.from(PDF_ABIME)), annexe('photo.png', 'image/png', () => png(30, 20))];

    const texte = await pdfText(await assembleur.assembler(annexes, resumeSimple));

    expect(texte).toContain('Joint : a.pdf (2 p.)');
    expect(texte).toContain('Joint : photo.png (1 p.)');
    expect(texte).toContain('Fichier illisible, non joint : abime.pdf (ABIME.PDF)');
    expect(texte).toContain('ANNEXE-A');
    expect(pool.fils().map((w) => w.threadId)).toEqual([fil.threadId]);
  });

  it('counts unreadable a file during which the worker dies, and makes the document again on a new worker', async () => {
    const fatal = annexe('fatal.pdf', 'application/pdf', async () => {
      await pool.fils()[0].terminate();
      return pdfDePages('JAMAIS', 1);
    });
    const annexes = [annexe('a.pdf', 'application/pdf', () => pdfDePages('ANNEXE-A', 1)), fatal, annexe('photo.png', 'image/png', () => png(30, 20))];

    const resultat = await assembleur.assembler(annexes, resumeSimple);
    const texte = await pdfText(resultat);

    expect(texte).toContain('Joint : a.pdf (1 p.)');
    expect(texte).toContain('Joint : photo.png (1 p.)');
    expect(texte).toContain('Fichier illisible, non joint : fatal.pdf (FATAL.PDF)');
    expect(texte).not.toContain('JAMAIS');
    // Read once: on the second try it is left out without being read again; the first file is read again.
    expect(annexes.map((a) => a.lectures)).toEqual([2, 1, 1]);
  });
});
