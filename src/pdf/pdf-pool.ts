import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PdfConfig, pdfConfig } from '../config/pdf.config';
import { Demandes, Operation, Reponse, Reponses } from './pdf-protocole';

/** The worker thread died (crash, out of memory, stopped) before it answered: what it was doing is lost. */
export class OuvrierPdfPerdu extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OuvrierPdfPerdu';
  }
}

/** One worker thread held for a piece of work: requests are sent one after the other, answers come in that order. */
export interface SessionPdf {
  demander<O extends Operation>(op: O, donnees: Demandes[O], transfert?: ArrayBuffer[]): Promise<Reponses[O]>;
}

interface Ouvrier {
  worker: Worker;
  enAttente: Map<number, { resolve: (resultat: unknown) => void; reject: (error: Error) => void }>;
  perdu: boolean;
}

// Built (dist/, .js) the worker is plain JavaScript; from the sources (jest, ts-node: bench, scripts) it is the .ts
// file, which the worker thread compiles with ts-node as its parent does.
const EXTENSION = extname(__filename);
const FICHIER = join(__dirname, `pdf.worker${EXTENSION}`);
const EXEC_ARGV = EXTENSION === '.ts' ? ['-r', require.resolve('ts-node/register/transpile-only')] : [];

/**
 * The worker threads that make every PDF of the application (PdfRenderer, PdfAssembleur), so that pdfmake's layout
 * and pdf-lib's work never hold up the event loop that serves requests (docs: « Bulk PDF work never blocks request
 * handling »). PDF_WORKERS threads at most, started when first needed (the OpenAPI script and most tests never start
 * one); a piece of work waits for a free one, in order. A thread that dies is dropped and its pending requests fail
 * with OuvrierPdfPerdu; the next piece of work starts a new one. Idle threads do not keep the process alive, and
 * every thread is stopped when the application closes.
 *
 * Our own rather than piscina: an assembly is a conversation with one worker (each file read and sent when the
 * worker is ready for it, the summary laid out last from what became of the files), which a pool of independent
 * tasks only models with extra message ports; this is the whole of what is needed, with no dependency.
 */
@Injectable()
export class PdfPool implements OnModuleDestroy {
  private readonly logger = new Logger('PdfPool');
  private readonly taille: number;
  private readonly ouvriers = new Set<Ouvrier>();
  private readonly libres: Ouvrier[] = [];
  private readonly file: { servir: (o: Ouvrier) => void; refuser: (e: Error) => void }[] = [];
  private prochainId = 1;
  private arrete = false;

  constructor(@Optional() @Inject(pdfConfig.KEY) config?: Pick<PdfConfig, 'workers'>) {
    this.taille = config?.workers ?? 1;
  }

  /** Runs `travail` with a worker thread of its own, given back when it settles. */
  async session<T>(travail: (session: SessionPdf) => Promise<T>): Promise<T> {
    const ouvrier = await this.prendre();
    try {
      return await travail({ demander: (op, donnees, transfert = []) => this.demander(ouvrier, op, donnees, transfert) });
    } finally {
      this.rendre(ouvrier);
    }
  }

  /** The live worker threads (their threadId, for checks). */
  fils(): Worker[] {
    return [...this.ouvriers].map((o) => o.worker);
  }

  async onModuleDestroy(): Promise<void> {
    this.arrete = true;
    for (const attente of this.file.splice(0)) attente.refuser(new Error('PdfPool arrêté'));
    await Promise.all([...this.ouvriers].map((o) => o.worker.terminate()));
  }

  private prendre(): Promise<Ouvrier> {
    if (this.arrete) return Promise.reject(new Error('PdfPool arrêté'));
    const libre = this.libres.pop();
    if (libre) return Promise.resolve(this.occuper(libre));
    if (this.ouvriers.size < this.taille) return Promise.resolve(this.occuper(this.demarrer()));
    return new Promise((servir, refuser) => this.file.push({ servir, refuser }));
  }

  private rendre(ouvrier: Ouvrier): void {
    if (this.arrete) return;
    const suivant = this.file.shift();
    if (ouvrier.perdu) {
      // Its place is free: the next in line gets a new thread.
      if (suivant) suivant.servir(this.occuper(this.demarrer()));
      return;
    }
    if (suivant) return suivant.servir(ouvrier);
    ouvrier.worker.unref();
    this.libres.push(ouvrier);
  }

  private occuper(ouvrier: Ouvrier): Ouvrier {
    ouvrier.worker.ref();
    return ouvrier;
  }

  private demarrer(): Ouvrier {
    const worker = new Worker(FICHIER, { execArgv: EXEC_ARGV });
    const ouvrier: Ouvrier = { worker, enAttente: new Map(), perdu: false };
    const fil = worker.threadId;
    this.ouvriers.add(ouvrier);
    worker.on('message', (reponse: Reponse) => {
      const attente = ouvrier.enAttente.get(reponse.id);
      if (!attente) return;
      ouvrier.enAttente.delete(reponse.id);
      if ('erreur' in reponse) attente.reject(Object.assign(new Error(reponse.erreur.message), { name: reponse.erreur.name }));
      else attente.resolve(reponse.resultat);
    });
    worker.on('error', (error) => this.logger.error(`Worker PDF ${fil} en erreur : ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      ouvrier.perdu = true;
      this.ouvriers.delete(ouvrier);
      const i = this.libres.indexOf(ouvrier);
      if (i >= 0) this.libres.splice(i, 1);
      if (!this.arrete) this.logger.warn(`Worker PDF ${fil} arrêté (code ${code}) ; remplacé au prochain besoin`);
      for (const attente of ouvrier.enAttente.values()) attente.reject(this.arrete ? new Error('PdfPool arrêté') : new OuvrierPdfPerdu(`Worker PDF arrêté (code ${code}) avant de répondre`));
      ouvrier.enAttente.clear();
    });
    return ouvrier;
  }

  private demander<O extends Operation>(ouvrier: Ouvrier, op: O, donnees: Demandes[O], transfert: ArrayBuffer[]): Promise<Reponses[O]> {
    if (ouvrier.perdu) return Promise.reject(new OuvrierPdfPerdu('Worker PDF arrêté'));
    const id = this.prochainId++;
    return new Promise<Reponses[O]>((resolve, reject) => {
      ouvrier.enAttente.set(id, { resolve: resolve as (resultat: unknown) => void, reject });
      ouvrier.worker.postMessage({ id, op, ...donnees }, transfert);
    });
  }
}
