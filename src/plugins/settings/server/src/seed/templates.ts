/** The five author profiles and five strategies seed 000's deployment guide names (step 4). */
export const SEED_AUTHOR_PROFILES = [
  {
    name: 'SaaS B2B Professional',
    category: 'saas',
    language: 'en',
    tone: 'Confident, precise and practical; speaks to busy decision-makers; no hype, no jargon without a definition.',
    description: 'For B2B software companies writing for buyers, admins and team leads.',
    structureTemplate: 'Problem → cost of the problem → approach → how the product fits → proof (numbers, examples) → next step.',
  },
  {
    name: 'E-commerce Product Writer',
    category: 'ecommerce',
    language: 'en',
    tone: 'Benefit-led, vivid and trustworthy; short sentences; answers objections before they are asked.',
    description: 'Product pages, category copy and buying guides for online shops.',
    structureTemplate: 'Hook benefit → who it is for → key features as benefits → specs → care/usage → FAQ → call to buy.',
  },
  {
    name: 'Blog Conversational',
    category: 'blog',
    language: 'en',
    tone: 'Warm, first-person-plural, conversational; uses questions and relatable examples; light humour allowed.',
    description: 'General blog posts that build an audience and rank for informational queries.',
    structureTemplate: 'Relatable opening → why it matters → main points with examples → quick wins → friendly wrap-up.',
  },
  {
    name: 'Technical Documentation',
    category: 'technical',
    language: 'en',
    tone: 'Neutral, exact and concise; second person imperative for steps; every claim testable.',
    description: 'How-to guides, API explanations and reference material for developers and power users.',
    structureTemplate: 'Goal and prerequisites → numbered steps with code or settings → expected result → troubleshooting → related topics.',
  },
  {
    name: 'Creative Storyteller',
    category: 'creative',
    language: 'en',
    tone: 'Narrative and sensory; strong verbs; builds tension and pays it off; still makes the practical point.',
    description: 'Brand stories, founder stories and narrative-led features.',
    structureTemplate: 'Scene → character and stakes → turning point → lesson → how the reader can apply it.',
  },
] as const;

export const SEED_STRATEGIES = [
  {
    name: 'SEO Blog Post',
    category: 'blog',
    description: 'A keyword-targeted article built to rank for an informational query.',
    promptTypes: ['ideas', 'content_generation', 'image_prompt_extraction'],
    sectionLogic: { sections: ['introduction', 'key-points', 'examples', 'faq', 'conclusion'], minWords: 1200, faqWhen: 'question keywords present' },
  },
  {
    name: 'Product Launch',
    category: 'saas',
    description: 'Announces a product or feature: what changed, who benefits, how to start.',
    promptTypes: ['content_generation', 'image_prompt_extraction'],
    sectionLogic: { sections: ['announcement', 'problem', 'what-is-new', 'how-it-works', 'availability', 'call-to-action'], minWords: 700 },
  },
  {
    name: 'How-To Guide',
    category: 'technical',
    description: 'Step-by-step instructions that take the reader from goal to result.',
    promptTypes: ['ideas', 'content_generation'],
    sectionLogic: { sections: ['goal', 'prerequisites', 'steps', 'verification', 'troubleshooting'], numberedSteps: true, minWords: 1000 },
  },
  {
    name: 'Comparison Article',
    category: 'ecommerce',
    description: 'Compares two or more options on stated criteria and gives a recommendation per need.',
    promptTypes: ['ideas', 'content_generation'],
    sectionLogic: { sections: ['summary-table', 'criteria', 'option-by-option', 'verdict-by-use-case', 'faq'], requiresTable: true, minWords: 1500 },
  },
  {
    name: 'Case Study',
    category: 'creative',
    description: 'A customer story: situation, challenge, solution and measured results.',
    promptTypes: ['content_generation', 'image_prompt_extraction'],
    sectionLogic: { sections: ['customer', 'challenge', 'solution', 'results', 'quote', 'next-steps'], requiresMetrics: true, minWords: 900 },
  },
] as const;

/** The global integration record's starting values (no keys: staff add them). */
export const SEED_GLOBAL_INTEGRATION = {
  openaiModel: 'gpt-4o-mini',
  openaiBaseUrl: null,
  anthropicModel: 'claude-sonnet-4-5',
  anthropicBaseUrl: null,
  imageModel: 'dall-e-3',
  temperature: 0.7,
  maxTokens: 4000,
  imageSize: '1024x1024',
  imageQuality: 'standard',
  imageStyle: 'natural',
};
