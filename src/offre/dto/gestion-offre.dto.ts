import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { CalendarDate, OptionalInt, OptionalRefCode, OptionalText, RequiredCode, RequiredIdentifiant, RequiredText, OptionalFlag } from '../../common/validation/decorators';
import { TypeTraitement } from '../entities/formation.entity';

const CODE_MESSAGE = 'doit être un code fait de lettres, de chiffres et des signes « - », « _ » ou « . »';
const ID_MESSAGE = 'doit être un identifiant (nombre entier)';

/** A code staff type for a centre, commission or formation: upper-cased, letters, digits and - _ . */
export function OffreCode(maxLength: number) {
  return applyDecorators(
    IsDefined({ message: 'est obligatoire' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message: CODE_MESSAGE }),
    Length(1, maxLength, { message: `doit faire de 1 à ${maxLength} caractères` }),
    Matches(/^[A-Z0-9][A-Z0-9_.-]*$/, { message: CODE_MESSAGE }),
  );
}

const OptionalEmail = () => applyDecorators(IsOptional(), IsEmail({}, { message: 'doit être une adresse e-mail valide' }), Length(3, 80, { message: 'ne doit pas dépasser 80 caractères' }));

export class CentreInput {
  /** Unique; staff scopes name the centre by it, so it cannot change once created @example "OSUC" */
  @OffreCode(20)
  code: string;

  /** @example "Observatoire des Sciences de l'Univers en région Centre" */
  @RequiredText(200)
  libelle: string;

  /** @example "admission-osuc@univ-orleans.fr" */
  @OptionalEmail()
  contactEmail?: string;

  /** @example "02 38 49 46 24" */
  @OptionalText(20)
  contactTelephone?: string;

  /** Most vœux a candidate may make in this centre; absent: no limit @example 5 */
  @OptionalInt(1, 100)
  maxVoeux?: number;

  /** Default mode of the centre's new formations: dematerialised (true, the default) or paper @example true */
  @OptionalFlag()
  dematDefaut?: boolean;

  /** A copy of every mail its candidates receive about a candidature goes to `contactEmail`, which it then needs (false, the default) @example false */
  @OptionalFlag()
  copieMailsCandidats?: boolean;

  /** Shown in the public offer (true, the default) @example true */
  @OptionalFlag()
  actif?: boolean;
}

export class CentreDto {
  /** @example 1 */
  id: number;
  /** @example "OSUC" */
  code: string;
  /** @example "Observatoire des Sciences de l'Univers en région Centre" */
  libelle: string;
  /** @example "admission-osuc@univ-orleans.fr" */
  contactEmail: string | null;
  /** @example null */
  contactTelephone: string | null;
  /** @example null */
  maxVoeux: number | null;
  dematDefaut: boolean;
  /** A copy of the candidates' candidature mails goes to `contactEmail` */
  copieMailsCandidats: boolean;
  actif: boolean;
  /** Send it back as If-Match to change the centre (also the ETag) @example 1 */
  version: number;
}

export class AdresseCommissionInput {
  /** @example "1 A rue de la Férollerie" */
  @RequiredText(38)
  ligne1: string;

  @OptionalText(38)
  ligne2?: string;

  @OptionalText(38)
  ligne3?: string;

  /** 5 digits in France (CEDEX codes included) @example "45071" */
  @OptionalText(10)
  codePostal?: string;

  /** In France: the commune (INSEE code of /api/referentiels/communes) @example "45234" */
  @OptionalRefCode(5)
  commune?: string;

  /** The distribution line as printed ("ORLEANS CEDEX 2"); required abroad @example "ORLEANS CEDEX 2" */
  @OptionalText(100)
  ville?: string;

  /** Country (code of /api/referentiels/pays) @example "FR" */
  @RequiredCode(2)
  pays: string;
}

export class AdresseCommissionDto {
  ligne1: string;
  ligne2: string | null;
  ligne3: string | null;
  codePostal: string | null;
  commune: string | null;
  ville: string | null;
  pays: string;
}

export class CommissionInput {
  /** The centre de candidature it belongs to @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  centreId: number;

  /** Unique; staff scopes may name the commission by it, so it cannot change once created @example "OSUC-SCOL" */
  @OffreCode(30)
  code: string;

  /** @example "OSUC - SCOLARITE" */
  @RequiredText(200)
  libelle: string;

  /** Where paper files are posted */
  @IsDefined({ message: 'est obligatoire' })
  @ValidateNested()
  @Type(() => AdresseCommissionInput)
  adresse: AdresseCommissionInput;

  /** @example "admission-osuc@univ-orleans.fr" */
  @OptionalEmail()
  email?: string;

  /** @example "02 38 49 46 24" */
  @OptionalText(20)
  telephone?: string;

  /** Who signs the letters @example "Martine BODUSSEAU" */
  @OptionalText(255)
  signataire?: string;

  /** Shown to candidates in their file @example "Joindre une lettre de motivation manuscrite." */
  @OptionalText(5000, { multiline: true })
  commentaireCandidat?: string;

  /** Alert mails on transmissions, confirmations and withdrawals (true, the default) @example true */
  @OptionalFlag()
  alerte?: boolean;

  /** Candidates may download their admission or refusal letter (true, the default) @example true */
  @OptionalFlag()
  lettresTelechargeables?: boolean;

  /** The letter is attached to the decision mail (false, the default) @example false */
  @OptionalFlag()
  lettreJointeAuMail?: boolean;
}

export class CommissionDto {
  /** @example 1 */
  id: number;
  centreId: number;
  /** @example "OSUC" */
  centreCode: string;
  code: string;
  libelle: string;
  adresse: AdresseCommissionDto;
  email: string | null;
  telephone: string | null;
  signataire: string | null;
  commentaireCandidat: string | null;
  alerte: boolean;
  lettresTelechargeables: boolean;
  lettreJointeAuMail: boolean;
  /** Send it back as If-Match to change the commission (also the ETag) @example 1 */
  version: number;
}

export class FormationInput {
  /** The commission processing its candidatures @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  commissionId: number;

  /** Unique in the institution @example "M1-GEO2ENV" */
  @OffreCode(50)
  code: string;

  /** @example "M1 SCIENCES DE LA TERRE ET DES PLANETES, ENVIRONNEMENT -GEO2env" */
  @RequiredText(500)
  libelle: string;

  /** Searched by the public offer along with the title @example "géologie environnement planétologie" */
  @OptionalText(500)
  motsCles?: string;

  /** Type of diploma (code of /api/referentiels/types-diplome) @example "MAS" */
  @RequiredCode(10)
  typeDiplome: string;

  @ApiProperty({ enum: TypeTraitement, enumName: 'TypeTraitement', example: TypeTraitement.AC, description: 'Default type de traitement: AC accès contrôlé, AD accès de droit, AT en attente' })
  @IsIn(Object.values(TypeTraitement), { message: 'doit valoir AC, AD ou AT' })
  typeTraitement: TypeTraitement;

  /** Dematerialised (true) or paper (false); absent: the centre's default @example true */
  @OptionalFlag()
  demat?: boolean;

  /** First day candidates may apply, YYYY-MM-DD @example "2026-11-15" */
  @CalendarDate(false)
  dateDebutCandidature: string;

  /** Last day candidates may apply (inclusive), not before the first @example "2027-03-31" */
  @CalendarDate(false)
  dateFinCandidature: string;

  /** Last day to return the file or its pieces, not before the end of applications @example "2027-04-07" */
  @CalendarDate(false)
  dateRetour: string;

  /** Pré-analyse, not before the end of applications @example "2027-04-10" */
  @CalendarDate(true)
  dateAnalyse?: string;

  /** Not before the return deadline @example "2027-05-15" */
  @CalendarDate(true)
  dateJury?: string;

  /** Publication of the results, not before the jury nor the return deadline @example "2027-05-20" */
  @CalendarDate(true)
  datePublication?: string;

  /** Confirmation deadline, not before publication nor jury; or `delaiConfirmation`, exactly one of the two @example "2027-06-10" */
  @CalendarDate(true)
  dateConfirmation?: string;

  /** Days to confirm after the favourable decision; or `dateConfirmation`, exactly one of the two @example 15 */
  @OptionalInt(1, 365)
  delaiConfirmation?: number;

  /** Automatic liste complémentaire: each withdrawal promotes the best ranked candidate (false, the default) @example true */
  @OptionalFlag()
  listeComplementaire?: boolean;

  /** Confirmation deadline after a promotion from the liste complémentaire, not before dateConfirmation nor the jury; or `delaiConfirmationListeComplementaire`, at most one of the two @example "2027-07-01" */
  @CalendarDate(true)
  dateConfirmationListeComplementaire?: string;

  /** Days to confirm after a promotion from the liste complémentaire @example 5 */
  @OptionalInt(1, 365)
  delaiConfirmationListeComplementaire?: number;

  /** Places (statistics only) @example 24 */
  @OptionalInt(1, 100_000)
  capacite?: number;

  /** Days before the return date to remind, once, the candidates who have not transmitted their file; absent: no reminder (the default) @example 7 */
  @OptionalInt(1, 90)
  relanceRetourJours?: number;

  /** Shown in the offer @example "Admission sur dossier, entretien éventuel." */
  @OptionalText(5000, { multiline: true })
  informationsComplementaires?: string;

  /** Shown in the public offer (true, the default) @example true */
  @OptionalFlag()
  actif?: boolean;
}

export class FormationDto {
  /** @example 1 */
  id: number;
  commissionId: number;
  /** @example "OSUC" */
  centreCode: string;
  code: string;
  libelle: string;
  motsCles: string | null;
  typeDiplome: string;
  @ApiProperty({ enum: TypeTraitement, enumName: 'TypeTraitement' })
  typeTraitement: TypeTraitement;
  demat: boolean;
  dateDebutCandidature: string;
  dateFinCandidature: string;
  dateRetour: string;
  dateAnalyse: string | null;
  dateJury: string | null;
  datePublication: string | null;
  dateConfirmation: string | null;
  delaiConfirmation: number | null;
  listeComplementaire: boolean;
  dateConfirmationListeComplementaire: string | null;
  delaiConfirmationListeComplementaire: number | null;
  capacite: number | null;
  /** Days before the return date the candidates who have not transmitted are reminded; null: no reminder */
  relanceRetourJours: number | null;
  informationsComplementaires: string | null;
  actif: boolean;
  /** Send it back as If-Match to change the formation (also the ETag) @example 1 */
  version: number;
}

/** The `{id}` of an item route. */
export class IdParams {
  /** @example 1 */
  @RequiredIdentifiant(ID_MESSAGE)
  id: number;
}

export class CommissionQueryDto extends PageQueryDto {
  /** Only the commissions of this centre (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;
}

export class FormationQueryDto extends PageQueryDto {
  /** Only the formations of this centre (code) @example "OSUC" */
  @OptionalRefCode(20)
  centre?: string;

  /** Only the formations of this commission @example 1 */
  @OptionalInt(1, 2_147_483_647)
  commissionId?: number;
}
