import { ApiRequestExample } from '../common/api/api-request-example.decorator';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Authenticated, CurrentPrincipal, Public } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/roles';
import { Throttled } from '../common/throttle/throttled.decorator';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, SessionDto } from './dto/auth.dto';

@ApiTags('Authentification')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Opens a session: staff login, or a candidate's numéro de dossier or e-mail, with the password */
  @Post('login')
  @HttpCode(200)
  @Public()
  @Throttled({ name: 'login', field: 'login' })
  @ApiProblemResponses(400, { 401: 'IDENTIFIANTS_INVALIDES', 403: ['COMPTE_NON_ACTIVE', 'EMAIL_A_VALIDER', 'CONNEXION_CANDIDAT_FERMEE'], 503: 'MAINTENANCE_EN_COURS' })
  @ApiRequestExample({ login: 'DEMO0001', password: 'demo-candidat-candidatures' })
  login(@Body() body: LoginDto): Promise<SessionDto> {
    return this.auth.login(body.login, body.password);
  }

  /** Who is logged in, with roles */
  @Get('me')
  @Authenticated()
  getMe(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.auth.me(principal);
  }

  /** Closes the current session: its token is refused from now on */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }
}
