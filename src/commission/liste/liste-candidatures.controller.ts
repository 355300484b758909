import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CandidatureParams } from '../../candidature/dto/candidature.dto';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal, Role } from '../../common/auth/roles';
import { TYPE_XLSX } from '../../common/xlsx/xlsx';
import { ApiFichier, envoyerFichier } from '../fichier';
import { CandidatureStaffDetailDto, CandidatureStaffPage, ColonneExportDto, ExportCandidaturesQueryDto, ListeCandidaturesQueryDto, NoteDto, NoteInput, NoteParams } from './dto/liste-candidatures.dto';
import { ExportCandidaturesService } from './export-candidatures.service';
import { ListeCandidaturesService } from './liste-candidatures.service';

/**
 * Staff lists of candidatures: scolarité centrale and admin see all of them, a gestionnaire those of their centres, a
 * commission member those of their commissions (AccesCandidatures.restreindre, applied in the query).
 */
@ApiTags('Candidatures (gestion)')
@Controller('candidatures')
@Roles(Role.ADMIN, Role.SCOL_CENTRALE, Role.GESTIONNAIRE, Role.COMMISSION)
export class ListeCandidaturesController {
  constructor(
    private readonly liste: ListeCandidaturesService,
    private readonly exports: ExportCandidaturesService,
  ) {}

  /** The candidatures of the caller's scope, filtered, sorted and paginated; live ones unless `annulees=true` */
  @Get()
  @ApiOkResponse({ type: CandidatureStaffPage })
  @ApiProblemResponses(400)
  listCandidatures(@CurrentPrincipal() principal: Principal, @Query() query: ListeCandidaturesQueryDto): Promise<CandidatureStaffPage> {
    return this.liste.liste(principal, query);
  }

  /** The columns an export may hold (its `colonnes` parameter), by group, and which are the default ones */
  @Get('export/colonnes')
  @ApiOkResponse({ type: [ColonneExportDto] })
  listColonnesExport(): ColonneExportDto[] {
    return this.exports.catalogue();
  }

  /** The filtered list as CSV for French Excel (UTF-8 with BOM, `;`), with the columns chosen, streamed row by row */
  @Get('export.csv')
  @ApiFichier('text/csv', 'The candidatures, one line each, with a header line')
  async exportCandidaturesCsv(@CurrentPrincipal() principal: Principal, @Query() filtres: ExportCandidaturesQueryDto): Promise<StreamableFile> {
    return envoyerFichier(await this.exports.exporter(principal, filtres, 'csv'));
  }

  /** The filtered list as an Excel workbook, with the columns chosen, streamed row by row */
  @Get('export.xlsx')
  @ApiFichier(TYPE_XLSX, 'The candidatures, one row each, under a header row')
  async exportCandidaturesXlsx(@CurrentPrincipal() principal: Principal, @Query() filtres: ExportCandidaturesQueryDto): Promise<StreamableFile> {
    return envoyerFichier(await this.exports.exporter(principal, filtres, 'xlsx'));
  }

  /** A candidature of the caller's scope: the candidate's file, the récapitulatif, every avis, the bloc-notes */
  @Get(':id')
  @ApiOkResponse({ type: CandidatureStaffDetailDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  getCandidature(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<CandidatureStaffDetailDto> {
    return this.liste.detail(principal, params.id);
  }

  /** The bloc-notes of a candidature, newest first */
  @Get(':id/notes')
  @ApiOkResponse({ type: [NoteDto] })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  listNotes(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams): Promise<NoteDto[]> {
    return this.liste.notes(principal, params.id);
  }

  /** Adds a note to the bloc-notes (any member of staff of the scope); staff only ever see it */
  @Post(':id/notes')
  @ApiCreatedResponse({ type: NoteDto })
  @ApiProblemResponses(400, { 404: 'CANDIDATURE_INTROUVABLE' })
  @ApiRequestExample({ message: 'Appelée le 12/03 : envoie son relevé de notes par courrier.' }, { id: 1 })
  createNote(@CurrentPrincipal() principal: Principal, @Param() params: CandidatureParams, @Body() input: NoteInput): Promise<NoteDto> {
    return this.liste.ajouterNote(principal, params.id, input.message);
  }

  /** Deletes one's own note from the bloc-notes (never someone else's) */
  @Delete(':id/notes/:noteId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiProblemResponses(400, { 403: 'NOTE_D_UN_AUTRE', 404: ['CANDIDATURE_INTROUVABLE', 'NOTE_INTROUVABLE'] })
  async deleteNote(@CurrentPrincipal() principal: Principal, @Param() params: NoteParams): Promise<void> {
    await this.liste.supprimerNote(principal, params.id, params.noteId);
  }
}
