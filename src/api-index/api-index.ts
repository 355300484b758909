import { version } from '../../package.json';
import { DOCS_PATH, HEALTH_PATH, OPENAPI_JSON_PATH, READY_PATH } from '../common/api/api-paths';
import { ApiIndexDto } from './api-index.dto';

export const API_NAME = 'API Candidatures';

/** The answer of GET /api, its links under the API's public base. */
export function apiIndex(apiPublicUrl: string): ApiIndexDto {
  return {
    name: API_NAME,
    version,
    links: {
      docs: `${apiPublicUrl}/${DOCS_PATH}`,
      docsJson: `${apiPublicUrl}/${OPENAPI_JSON_PATH}`,
      health: `${apiPublicUrl}/${HEALTH_PATH}`,
      healthReady: `${apiPublicUrl}/${READY_PATH}`,
    },
  };
}
