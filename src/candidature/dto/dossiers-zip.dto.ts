import { SelectionCandidatures } from './selection-candidatures.dto';

/** The candidatures whose dossier PDFs to download, in this order in the archive. */
export class DossiersZipInput extends SelectionCandidatures {}
