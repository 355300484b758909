import { ApiRequestExample } from '../../common/api/api-request-example.decorator';
import { Body, Controller, Get, HttpCode, Post, Query, Redirect, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses } from '../../common/api/api-problem-responses.decorator';
import { Public } from '../../common/auth/auth.decorators';
import { Throttled } from '../../common/throttle/throttled.decorator';
import { SessionDto } from '../dto/auth.dto';
import { CasService } from './cas.service';
import { CasCallbackQueryDto, CasEchangeDto, CasLoginQueryDto } from './dto/cas.dto';

const LOCATION = { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } };

/**
 * CAS login, in a browser: /login sends to the university's CAS, CAS sends back to /callback with a ticket, the
 * callback sends to the front-end (CAS_RETOUR_URL) with a one-time code, which the front-end exchanges for the
 * session at /echange. The session token never appears in an address.
 */
@ApiTags('Authentification')
@Controller('auth/cas')
export class CasController {
  constructor(private readonly cas: CasService) {}

  /** Sends the browser to the university's CAS login page (open it in the browser, not with fetch) */
  @Get('login')
  @Public()
  @Redirect()
  @ApiResponse({ status: 302, description: 'To CAS /login, with the callback as `service`', headers: LOCATION })
  @ApiProblemResponses(400, { 404: 'CAS_DESACTIVE' })
  loginCas(@Query() query: CasLoginQueryDto): { url: string } {
    return { url: this.cas.loginUrl(query) };
  }

  /** Where CAS sends the browser back: validates the ticket, then redirects to the front-end with a one-time code (or, with reponse=json, answers the session) */
  @Get('callback')
  @Public()
  @ApiOkResponse({ type: SessionDto, description: 'With `reponse=json`: the session, as POST /api/auth/login answers it' })
  @ApiResponse({ status: 302, description: 'To the front-end (CAS_RETOUR_URL) with `?code=`, to exchange at POST /api/auth/cas/echange', headers: LOCATION })
  @ApiProblemResponses(400, { 401: 'TICKET_CAS_INVALIDE', 403: ['AUCUN_COMPTE_GESTION', 'CONNEXION_CANDIDAT_FERMEE'], 404: 'CAS_DESACTIVE', 409: 'EMAIL_DEJA_LIE_CAS', 422: 'IDENTITE_CAS_INCOMPLETE', 503: 'CAS_INDISPONIBLE' })
  async handleCasCallback(@Query() query: CasCallbackQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto | undefined> {
    const result = await this.cas.callback(query);
    // A GET that answers a session or a code: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store');
    if ('session' in result) return result.session;
    reply.status(302).header('location', result.redirect);
    return undefined;
  }

  /** Exchanges the one-time code of the CAS callback for a session (one use, within 60 seconds) */
  @Post('echange')
  @HttpCode(200)
  @Public()
  @Throttled({ name: 'lien' })
  @ApiProblemResponses(400, 403, { 401: 'CODE_CAS_INVALIDE', 404: 'CAS_DESACTIVE' })
  @ApiRequestExample({ code: 'Mn3Bv7Cx1Zl5Kj9Hg2Fd6Sa0Po4Iu8Yt3Re7Wq1Ea5T' })
  exchangeCodeCas(@Body() body: CasEchangeDto): Promise<SessionDto> {
    return this.cas.exchange(body.code);
  }
}
