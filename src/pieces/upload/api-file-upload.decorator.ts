import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { FICHIER_FIELD } from './receive-upload';

/** Documents a route receiving one file (UploadReceiver): multipart/form-data with a required binary `fichier`. */
export const ApiFileUpload = (description = 'PDF, JPEG or PNG (checked by content), at most UPLOAD_MAX_MO Mo') =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: { type: 'object', required: [FICHIER_FIELD], properties: { [FICHIER_FIELD]: { type: 'string', format: 'binary', description } } },
    }),
    ApiProblemResponses(400, { 413: 'FICHIER_TROP_VOLUMINEUX' }),
  );
