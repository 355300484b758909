import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { AnneeQueryDto, CommuneQueryDto, EtablissementQueryDto, SearchQueryDto } from './dto/referentiel-query.dto';
import {
  CommunePage,
  DepartementPage,
  EtablissementPage,
  MentionPage,
  PaysPage,
  SerieBacPage,
  SpecialiteBacPage,
  TypeDiplomePage,
} from './dto/referentiel.dto';
import { ReferentielService } from './referentiel.service';

/** Reference data changes a few times a year: browsers and proxies may keep answers for an hour. */
const CACHEABLE = 'public, max-age=3600';

@ApiTags('Référentiels')
@Public()
@ApiProblemResponses(400)
@Controller('referentiels')
export class ReferentielController {
  constructor(private readonly referentiel: ReferentielService) {}

  /** Pays, with the nationality label used by the candidate file */
  @Get('pays')
  @Header('Cache-Control', CACHEABLE)
  listPays(@Query() query: SearchQueryDto): Promise<PaysPage> {
    return this.referentiel.listPays(query);
  }

  /** Départements (code officiel géographique) */
  @Get('departements')
  @Header('Cache-Control', CACHEABLE)
  listDepartements(@Query() query: SearchQueryDto): Promise<DepartementPage> {
    return this.referentiel.listDepartements(query);
  }

  /** Communes with their postal codes, by name, département or postal code */
  @Get('communes')
  @Header('Cache-Control', CACHEABLE)
  listCommunes(@Query() query: CommuneQueryDto): Promise<CommunePage> {
    return this.referentiel.listCommunes(query);
  }

  /** Séries du baccalauréat and equivalents; with `annee`, only those awarded that year */
  @Get('series-bac')
  @Header('Cache-Control', CACHEABLE)
  listSeriesBac(@Query() query: AnneeQueryDto): Promise<SerieBacPage> {
    return this.referentiel.listSeriesBac(query);
  }

  /** Spécialités of the general baccalauréat (from 2021); with `annee`, only those of that session */
  @Get('specialites-bac')
  @Header('Cache-Control', CACHEABLE)
  listSpecialitesBac(@Query() query: AnneeQueryDto): Promise<SpecialiteBacPage> {
    return this.referentiel.listSpecialitesBac(query);
  }

  /** Mentions (bac and higher education) */
  @Get('mentions')
  @Header('Cache-Control', CACHEABLE)
  listMentions(@Query() query: SearchQueryDto): Promise<MentionPage> {
    return this.referentiel.listMentions(query);
  }

  /** Types de diplôme for the external cursus */
  @Get('types-diplome')
  @Header('Cache-Control', CACHEABLE)
  listTypesDiplome(@Query() query: SearchQueryDto): Promise<TypeDiplomePage> {
    return this.referentiel.listTypesDiplome(query);
  }

  /** Open établissements (UAI): `q` finds a name, a commune name or a UAI; `type=LYCEE` lists the lycées of a bac */
  @Get('etablissements')
  @Header('Cache-Control', CACHEABLE)
  listEtablissements(@Query() query: EtablissementQueryDto): Promise<EtablissementPage> {
    return this.referentiel.listEtablissements(query);
  }
}
