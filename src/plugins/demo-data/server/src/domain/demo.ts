/** What a fresh install shows: a few industries with sectors and seed keywords, and one demo tenant. */
export const DEMO_INDUSTRIES = [
  { name: 'Software & SaaS', slug: 'software-saas', sectors: [
    { name: 'Project Management', slug: 'project-management', keywords: [['project management software', 74000, 78, 'commercial'], ['kanban board online', 12100, 52, 'transactional'], ['how to write a project plan', 9900, 35, 'informational']] },
    { name: 'CRM', slug: 'crm', keywords: [['best crm for small business', 22200, 71, 'commercial'], ['what is a crm', 33100, 48, 'informational'], ['crm pricing comparison', 2400, 40, 'commercial']] },
  ] },
  { name: 'E-commerce', slug: 'ecommerce', sectors: [
    { name: 'Fashion', slug: 'fashion', keywords: [['sustainable clothing brands', 27100, 55, 'commercial'], ['capsule wardrobe checklist', 6600, 28, 'informational']] },
    { name: 'Home & Garden', slug: 'home-garden', keywords: [['raised garden bed ideas', 40500, 33, 'informational'], ['buy indoor plants online', 8100, 46, 'transactional']] },
  ] },
  { name: 'Health & Wellness', slug: 'health-wellness', sectors: [
    { name: 'Fitness', slug: 'fitness', keywords: [['home workout plan', 49500, 50, 'informational'], ['best adjustable dumbbells', 18100, 62, 'commercial']] },
  ] },
] as const;

export const DEMO_ACCOUNT = {
  name: 'Acme Outdoor Co.',
  slug: 'acme-outdoor',
  owner: { username: 'demo', email: 'demo@igny8.local', password: 'Demo-Pass-2026' },
  site: { name: 'Acme Outdoor Blog', domain: 'blog.acme-outdoor.example' },
} as const;
