import { Module } from '@nestjs/common';
import { NewsroomController } from './newsroom.controller';

@Module({ controllers: [NewsroomController] })
export class NewsroomModule {}
