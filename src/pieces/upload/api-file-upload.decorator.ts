import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ApiProblemResponses, ProblemCodes } from '../../common/api/api-problem-responses.decorator';
import { FICHIER_FIELD } from './receive-upload';

const DESCRIPTION = 'PDF, JPEG or PNG (checked by content), at most UPLOAD_MAX_MO Mo; scanned by ClamAV when CLAMAV_URL is set';

/**
 * Documents a route receiving one file (UploadReceiver): multipart/form-data with a required binary `fichier`, and the
 * problems of any upload (type, size, antivirus, file store) along with the route's own `codes` (one ApiProblemResponses a route).
 */
export const ApiFileUpload = (codes: ProblemCodes = {}, description = DESCRIPTION) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: { type: 'object', required: [FICHIER_FIELD], properties: { [FICHIER_FIELD]: { type: 'string', format: 'binary', description } } },
    }),
    ApiProblemResponses(400, {
      ...codes,
      400: [...[codes[400] ?? []].flat(), 'FICHIER_MANQUANT', 'FICHIER_INCOMPLET', 'FICHIER_TYPE_REFUSE'],
      413: 'FICHIER_TROP_VOLUMINEUX',
      422: [...[codes[422] ?? []].flat(), 'FICHIER_INFECTE'],
      503: [...[codes[503] ?? []].flat(), 'ANTIVIRUS_INDISPONIBLE', 'STOCKAGE_INDISPONIBLE'],
    }),
  );
