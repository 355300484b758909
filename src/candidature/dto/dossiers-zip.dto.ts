import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsInt, Max, Min } from 'class-validator';
import { MAX_SELECTION } from '../statut/dto/statut-dossier.dto';

const IDS_MESSAGE = "doit être une liste d'identifiants de candidatures (nombres entiers)";

export class DossiersZipInput {
  /** The candidatures whose dossier PDFs to download, 1 to 200, each once; in this order in the archive @example [12, 13] */
  @IsDefined({ message: 'est obligatoire' })
  @IsArray({ message: IDS_MESSAGE })
  @ArrayMinSize(1, { message: 'doit citer au moins une candidature' })
  @ArrayMaxSize(MAX_SELECTION, { message: `ne doit pas citer plus de ${MAX_SELECTION} candidatures` })
  @ArrayUnique({ message: 'ne doit pas citer deux fois la même candidature' })
  @IsInt({ each: true, message: IDS_MESSAGE })
  @Min(1, { each: true, message: IDS_MESSAGE })
  @Max(2_147_483_647, { each: true, message: IDS_MESSAGE })
  candidatureIds: number[];
}
