import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { CasConfig, SiteConfig, casConfig, siteConfig } from '../config';
import { SiteDto } from './site.dto';

@ApiTags('Accueil')
@Public()
@Controller('site')
export class SiteController {
  constructor(
    @Inject(siteConfig.KEY) private readonly site: SiteConfig,
    @Inject(casConfig.KEY) private readonly cas: CasConfig,
  ) {}

  /**
   * What a front-end shows of the institution (name, colour, logo) and which logins it offers, from the configuration:
   * a university themes the reference front-end without rebuilding it.
   */
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiProblemResponses()
  getSite(): SiteDto {
    const { nom, couleurPrincipale, logoUrl } = this.site;
    return { nom, couleurPrincipale, ...(logoUrl ? { logoUrl } : {}), cas: this.cas.enabled };
  }
}
