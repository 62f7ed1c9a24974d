import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SummaryModelType } from '../../summaries/dto/summary.type.js';

@ObjectType('QueueDepth', { description: 'Live jobs of one type.' })
export class QueueDepthType {
  @Field({ description: 'Job type (extract, summarize, draft …).' })
  type: string;

  @Field(() => Int, { description: 'Jobs waiting for a worker.' })
  queued: number;

  @Field(() => Int, { description: 'Jobs a worker is running.' })
  running: number;
}

@ObjectType('SystemStatus', { description: 'How this Amicus server stands: database, model and job queue.' })
export class SystemStatusType {
  @Field({ description: 'True when the database answers (the readiness probe’s condition).' })
  ready: boolean;

  @Field(() => SummaryModelType, { nullable: true, description: 'The installed model; null when its manifest cannot be read (see modelError).' })
  model: SummaryModelType | null;

  @Field(() => String, { nullable: true, description: 'Why the model’s manifest cannot be read.' })
  modelError: string | null;

  @Field({ description: 'The model in this process: not_loaded (until first use), loading, ready or failed.' })
  modelState: string;

  @Field(() => [QueueDepthType], { description: 'Queued and running jobs per type; types without live jobs are left out.' })
  queue: QueueDepthType[];
}
