/** The global prompt library a fresh install starts with (seed 000, step 4). Variables are `{name}`. */
export const SEED_PROMPTS = [
  {
    promptType: 'clustering',
    description: 'Groups a keyword list into topic clusters for the planner.',
    variables: ['keywords', 'industry', 'sector'],
    value: `You are an SEO strategist for the {industry} industry ({sector} sector).
Group the keywords below into topic clusters. Each cluster must share one search intent and could be served by one pillar page with supporting articles.

Rules:
- Every keyword goes in exactly one cluster; do not invent keywords.
- Name each cluster with a short, human-readable topic (max 6 words).
- Give each cluster its dominant intent: informational, commercial, transactional or navigational.
- Prefer 3 to 15 keywords per cluster; a keyword that fits nowhere becomes its own cluster.

Keywords (one per line):
{keywords}

Answer with JSON only, in this shape:
{{"clusters": [{{"name": "...", "intent": "...", "description": "...", "keywords": ["..."]}}]}}`,
  },
  {
    promptType: 'ideas',
    description: 'Turns a cluster into content ideas (titles, angles, outlines).',
    variables: ['cluster_name', 'keywords', 'industry', 'count'],
    value: `You plan content for a {industry} website.
Topic cluster: {cluster_name}
Keywords in the cluster: {keywords}

Propose {count} distinct article ideas that together cover the cluster without cannibalising each other.
For each idea give:
- title: a specific, compelling headline under 65 characters that contains its primary keyword naturally;
- primary_keyword: one keyword from the list;
- secondary_keywords: up to 4 others from the list;
- content_type: one of blog_post, guide, comparison, listicle, case_study, product_page;
- angle: one sentence on what makes this piece different;
- outline: 4 to 8 H2 headings.

Answer with JSON only: {{"ideas": [{{"title": "...", "primary_keyword": "...", "secondary_keywords": [], "content_type": "...", "angle": "...", "outline": []}}]}}`,
  },
  {
    promptType: 'content_generation',
    description: 'Writes the full article from an idea, an author profile and a strategy.',
    variables: ['title', 'primary_keyword', 'secondary_keywords', 'outline', 'tone', 'language', 'word_count', 'structure'],
    value: `Write an original article in {language}.

Title: {title}
Primary keyword: {primary_keyword}
Secondary keywords: {secondary_keywords}
Target length: about {word_count} words
Voice and tone: {tone}
Structure to follow: {structure}
Outline:
{outline}

Requirements:
- Open with a hook that states the reader's problem within the first two sentences; use the primary keyword in the first 100 words.
- Use the outline's headings as H2s; add H3s where a section runs past 300 words.
- Work the secondary keywords in where they read naturally; never stuff keywords.
- Prefer concrete examples, numbers and steps over generalities; do not invent statistics or quotes.
- End with a short conclusion and one clear call to action.

Return HTML body content only (h2, h3, p, ul, ol, li, strong, em, a); no <html>, <head> or <h1>.`,
  },
  {
    promptType: 'image_prompt_extraction',
    description: 'Reads an article and proposes prompts for a featured image and in-article images.',
    variables: ['title', 'content', 'image_count', 'style'],
    value: `You are an art director. Read the article below and write prompts for one featured image and {image_count} in-article images.

Article title: {title}
Article:
{content}

For each image describe one concrete scene (subject, setting, composition, lighting) that illustrates a specific section; style: {style}.
Never ask for text, letters, logos, watermarks or real people's likenesses in the image.

Answer with JSON only: {{"featured": "...", "in_article": [{{"section": "...", "prompt": "..."}}]}}`,
  },
  {
    promptType: 'image_generation',
    description: 'The final prompt sent to the image model for one image.',
    variables: ['prompt', 'style', 'size'],
    value: `{prompt}

Style: {style}. Composition suited to a {size} frame, clear focal point, uncluttered background, natural colours.
No text, no letters, no logos, no watermarks.`,
  },
] as const;
