import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NEWSROOM_PAGE } from './newsroom.page';
import { NEWSROOM_SCRIPT } from './newsroom.script';
import { NEWSROOM_STYLES } from './newsroom.styles';

// Same-origin only: the page renders agency copy, so nothing else may run or be loaded.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The newsroom page at `/`: a static shell and script over the public JSON api. */
@ApiExcludeController()
@Controller()
export class NewsroomController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', CSP)
  @Header('x-content-type-options', 'nosniff')
  page(): string {
    return NEWSROOM_PAGE;
  }

  @Get('newsroom/app.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('x-content-type-options', 'nosniff')
  script(): string {
    return NEWSROOM_SCRIPT;
  }

  @Get('newsroom/app.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('x-content-type-options', 'nosniff')
  styles(): string {
    return NEWSROOM_STYLES;
  }
}
