import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api/api-problem-responses.decorator';
import { Public } from '../common/auth/auth.decorators';
import { ComptesService } from './comptes.service';
import { ActivationDto, ActivationResultDto, CreateCompteDto, MessageDto } from './dto/compte.dto';

@ApiTags('Comptes candidats')
@Public()
@Controller('comptes')
export class ComptesController {
  constructor(private readonly comptes: ComptesService) {}

  /** Creates a candidate account in the campaign in service; the answer never tells whether the address had one */
  @Post()
  @HttpCode(202)
  @ApiProblemResponses(400, 422)
  createCompte(@Body() body: CreateCompteDto): Promise<MessageDto> {
    return this.comptes.create(body);
  }

  /** Activates an account with the token of the link received by mail */
  @Post('activation')
  @HttpCode(200)
  @ApiProblemResponses(400, 422)
  activateCompte(@Body() body: ActivationDto): Promise<ActivationResultDto> {
    return this.comptes.activate(body.token);
  }
}
