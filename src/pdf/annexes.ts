/* The files joined after a document's own pages (PdfAssembleur), and what the document says about them. */

/** A file to join: the pièce it was given for, its name as uploaded, its sniffed type, its bytes when asked. */
export interface Annexe {
  piece: string;
  nom: string;
  type: string;
  /**
   * The bytes, read only when the assembler reaches this file; null when the storage no longer has it. They are
   * handed over to the PDF worker thread (their buffer transferred, not copied): answer bytes read for this call.
   */
  lire(): Promise<Uint8Array | null>;
}

/** Why a file is not joined: a damaged file, a PDF locked by a password, a file the storage lost. */
export type RaisonNonJointe = 'illisible' | 'protege' | 'introuvable';

/** What became of the files: known before the summary is laid out, so that it can say it. */
export interface BilanAnnexes {
  joints: { piece: string; nom: string; pages: number }[];
  nonJoints: { piece: string; nom: string; raison: RaisonNonJointe }[];
}

const RAISONS: Record<RaisonNonJointe, string> = {
  illisible: 'Fichier illisible, non joint',
  protege: 'Fichier protégé par un mot de passe, non joint',
  introuvable: 'Fichier introuvable, non joint',
};

/** « Fichier illisible, non joint : releve.pdf (Relevé de notes) » */
export function phraseNonJointe(f: BilanAnnexes['nonJoints'][number]): string {
  return `${RAISONS[f.raison]} : ${f.nom} (${f.piece})`;
}

/** A4 portrait in PDF points (1/72 in). */
export const A4: readonly [number, number] = [595.28, 841.89];
/** White space kept around a joined image, 1 cm. */
export const MARGE_IMAGE = 28.35;

/** Where a joined image goes: on an A4 page turned as the image is, as large as fits inside the margins, centred. */
export interface PlacementImage {
  page: [largeur: number, hauteur: number];
  x: number;
  y: number;
  largeur: number;
  hauteur: number;
}

/**
 * A scan or a photo of `largeur` × `hauteur` pixels, scaled (up or down, proportions kept) to the largest size that
 * fits an A4 page less its margins: portrait for a tall image, landscape for a wide one, so neither is shrunk for
 * nothing. Pixels have no physical size here; the page is what staff print.
 */
export function placerImage(largeur: number, hauteur: number): PlacementImage {
  if (!(largeur > 0 && hauteur > 0)) throw new RangeError(`Dimensions d'image invalides : ${largeur} × ${hauteur}`);
  const [petit, grand] = A4;
  const page: [number, number] = largeur > hauteur ? [grand, petit] : [petit, grand];
  const echelle = Math.min((page[0] - 2 * MARGE_IMAGE) / largeur, (page[1] - 2 * MARGE_IMAGE) / hauteur);
  const l = largeur * echelle;
  const h = hauteur * echelle;
  return { page, x: (page[0] - l) / 2, y: (page[1] - h) / 2, largeur: l, hauteur: h };
}
