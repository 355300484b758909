export class ApiIndexLinksDto {
  /** Swagger UI, the console to try every operation @example "https://candidatures.univ.fr/api/docs" */
  docs: string;
  /** The OpenAPI document @example "https://candidatures.univ.fr/api/docs-json" */
  docsJson: string;
  /** Liveness @example "https://candidatures.univ.fr/health" */
  health: string;
  /** Readiness: the database answers @example "https://candidatures.univ.fr/health/ready" */
  healthReady: string;
}

export class ApiIndexDto {
  /** @example "API Candidatures" */
  name: string;
  /** Version of the API and of its contract @example "0.1.0" */
  version: string;
  /** Absolute, under API_PUBLIC_URL */
  links: ApiIndexLinksDto;
}
