import { autoCluster } from './auto-cluster';
import { generateContent } from './generate-content';
import { generateIdeas } from './generate-ideas';
import { generateImagePrompts } from './generate-image-prompts';
import { generateImages } from './generate-images';
import { ideasToTasks } from './ideas-to-tasks';
import type { AnyOperation } from './operation';

/** The pipeline: keywords → clusters → ideas → tasks → content → image prompts → images. */
export const builtInOperations: AnyOperation[] = [autoCluster, generateIdeas, ideasToTasks, generateContent, generateImagePrompts, generateImages];
