import { BusinessRule, FieldError, InvalidRequest, NotFound, PayloadTooLarge, ServiceUnavailable } from '../../common/errors/domain-errors';

const MO = 1024 * 1024;
/** Retry-After of ANTIVIRUS_INDISPONIBLE: clamd restarts (or reloads its signatures) in about a minute. */
const ANTIVIRUS_REESSAYER_S = 60;
/** Retry-After of STOCKAGE_INDISPONIBLE: the SDK already retried; an object store's hiccup passes in seconds. */
const STOCKAGE_REESSAYER_S = 10;
const mo = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** An uploaded file refused for what it is (or is missing): a 400 naming the `fichier` field, with its own code. */
export class FichierRefuse extends InvalidRequest {
  constructor(code: string, detail: string, message: string) {
    super(code, detail, [{ field: 'fichier', message } satisfies FieldError]);
  }
}

export const FichierErrors = {
  typeRefuse: () =>
    new FichierRefuse(
      'FICHIER_TYPE_REFUSE',
      "Seuls les fichiers PDF, JPEG et PNG sont acceptés : le contenu de ce fichier n'est ni un PDF ni une image JPEG ou PNG.",
      'doit être un fichier PDF, JPEG ou PNG',
    ),

  imageRefusee: () =>
    new FichierRefuse('FICHIER_TYPE_REFUSE', "Seules les images PNG et JPEG sont acceptées ici : le contenu de ce fichier n'en est pas une.", 'doit être une image PNG ou JPEG'),

  tropVolumineux: (maxBytes: number) =>
    new PayloadTooLarge('FICHIER_TROP_VOLUMINEUX', `Le fichier dépasse la taille maximale de ${mo.format(maxBytes / MO)} Mo.`, [
      { field: 'fichier', message: `ne doit pas dépasser ${mo.format(maxBytes / MO)} Mo` },
    ]),

  manquant: () =>
    new FichierRefuse(
      'FICHIER_MANQUANT',
      'Aucun fichier reçu : envoyez-le en multipart/form-data, dans le champ « fichier ».',
      'est obligatoire (multipart/form-data)',
    ),

  incomplet: () =>
    new FichierRefuse('FICHIER_INCOMPLET', "L'envoi du fichier a été interrompu avant la fin : envoyez-le de nouveau.", "n'a pas été reçu en entier"),

  introuvable: () => new NotFound('FICHIER_INTROUVABLE', "Ce fichier n'existe pas (ou plus)."),

  infecte: () =>
    new BusinessRule(
      'FICHIER_INFECTE',
      "L'antivirus a détecté un virus ou un contenu malveillant dans ce fichier : il n'a pas été enregistré. Analysez votre appareil, puis envoyez une copie saine du document.",
      [{ field: 'fichier', message: "a été refusé par l'antivirus" }],
    ),

  antivirusIndisponible: () =>
    new ServiceUnavailable(
      'ANTIVIRUS_INDISPONIBLE',
      "L'analyse antivirus des fichiers est momentanément indisponible : votre fichier n'a pas été enregistré. Réessayez dans quelques minutes.",
      ANTIVIRUS_REESSAYER_S,
    ),

  stockageIndisponible: () =>
    new ServiceUnavailable(
      'STOCKAGE_INDISPONIBLE',
      "Le stockage des fichiers ne répond pas pour le moment : réessayez dans quelques instants (un fichier en cours d'envoi n'a pas été enregistré).",
      STOCKAGE_REESSAYER_S,
    ),
};
