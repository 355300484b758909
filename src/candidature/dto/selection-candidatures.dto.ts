import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined } from 'class-validator';
import { Identifiant } from '../../common/validation/decorators';

/** Bulk actions on candidatures: at most this many at once (reference §7). */
export const MAX_SELECTION = 200;

const IDS_MESSAGE = "doit être une liste d'identifiants de candidatures (nombres entiers)";

/** The candidatures a bulk action names: 1 to 200, each once, as the reference's bulk actions. */
export class SelectionCandidatures {
  /** 1 to 200 candidature ids, each once @example [12, 13] */
  @IsDefined({ message: 'est obligatoire' })
  @IsArray({ message: IDS_MESSAGE })
  @ArrayMinSize(1, { message: 'doit citer au moins une candidature' })
  @ArrayMaxSize(MAX_SELECTION, { message: `ne doit pas citer plus de ${MAX_SELECTION} candidatures` })
  @ArrayUnique({ message: 'ne doit pas citer deux fois la même candidature' })
  @Identifiant(IDS_MESSAGE, { each: true })
  candidatureIds: number[];
}
