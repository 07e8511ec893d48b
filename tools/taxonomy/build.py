#!/usr/bin/env python3
"""Writes src/main/resources/taxonomy/taxonomy.txt from base.txt, the job-title matrix below and the ESCO
digital skills collection's alternative labels. Run from the repository root:
    python3 tools/taxonomy/build.py ../shared/data/esco_digitalSkillsCollection_en.csv
"""
import csv, hashlib, re, sys
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE.parent.parent / 'src/main/resources/taxonomy/taxonomy.txt'

# role -> its synonyms (each also takes every seniority prefix)
ROLES = {
    'Backend Developer': ['Backend Engineer', 'Backend Software Engineer', 'Backend Software Developer', 'Server Side Developer'],
    'Frontend Developer': ['Frontend Engineer', 'UI Developer', 'Frontend Web Developer'],
    'Full Stack Developer': ['Full Stack Engineer', 'Full Stack Software Engineer', 'Full Stack Web Developer'],
    'Software Developer': ['Programmer', 'Application Developer', 'Applications Developer'],
    'Software Engineer': ['Software Development Engineer', 'SDE'],
    'Web Developer': ['Website Developer'],
    'Mobile Developer': ['Mobile App Developer', 'Mobile Engineer'],
    'iOS Developer': ['iOS Engineer', 'Swift Developer'],
    'Android Developer': ['Android Engineer', 'Kotlin Developer'],
    '.NET Developer': ['dotnet Developer', 'C# .NET Developer', '.NET Software Developer', '.NET Engineer', 'ASP.NET Developer'],
    'C# Developer': ['C# Software Developer', 'C# Engineer'],
    'Java Developer': ['Java Engineer', 'Java Software Engineer', 'Java Software Developer'],
    'Python Developer': ['Python Engineer', 'Python Software Engineer'],
    'JavaScript Developer': ['JS Developer', 'TypeScript Developer'],
    'PHP Developer': ['Laravel Developer', 'PHP Engineer'],
    'React Developer': ['React Engineer', 'React.js Developer', 'ReactJS Developer'],
    'Node.js Developer': ['Node Developer', 'NodeJS Developer', 'Node.js Engineer'],
    'C++ Developer': ['C++ Engineer', 'C++ Software Engineer'],
    'Go Developer': ['Golang Developer', 'Golang Engineer'],
    'Ruby Developer': ['Ruby on Rails Developer', 'Rails Developer'],
    'Data Engineer': ['Big Data Engineer', 'Data Platform Engineer', 'Azure Data Engineer', 'AWS Data Engineer'],
    'Data Analyst': ['Data Insight Analyst', 'Insight Analyst'],
    'Data Scientist': [],
    'Machine Learning Engineer': ['ML Engineer', 'AI Engineer', 'MLOps Engineer'],
    'Analytics Engineer': [],
    'DevOps Engineer': ['DevOps Developer', 'Azure DevOps Engineer', 'AWS DevOps Engineer'],
    'Cloud Engineer': ['Azure Cloud Engineer', 'AWS Cloud Engineer', 'Cloud Infrastructure Engineer'],
    'Platform Engineer': ['Cloud Platform Engineer'],
    'Site Reliability Engineer': ['SRE', 'SRE Engineer', 'Reliability Engineer'],
    'Test Engineer': ['Software Test Engineer', 'Software Development Engineer in Test', 'SDET'],
    'QA Engineer': ['Quality Assurance Engineer', 'QA Automation Engineer'],
    'Test Analyst': ['QA Analyst', 'Software Tester', 'QA Tester', 'Tester'],
    'Automation Tester': ['Test Automation Engineer', 'Automation Test Engineer', 'Automation Test Analyst'],
    'Business Analyst': ['IT Business Analyst', 'Technical Business Analyst'],
    'Systems Analyst': ['IT Systems Analyst'],
    'BI Developer': ['Business Intelligence Developer', 'Power BI Developer'],
    'BI Analyst': ['Business Intelligence Analyst', 'Power BI Analyst', 'Reporting Analyst', 'MI Analyst'],
    'SQL Developer': ['Database Developer', 'SQL Server Developer'],
    'Database Administrator': ['DBA', 'SQL DBA', 'SQL Server DBA', 'Oracle DBA'],
    'Network Engineer': ['Network Administrator', 'Network Support Engineer'],
    'Security Engineer': ['Cyber Security Engineer', 'Information Security Engineer', 'Application Security Engineer'],
    'Security Analyst': ['Cyber Security Analyst', 'Information Security Analyst', 'SOC Analyst'],
    'Infrastructure Engineer': ['IT Infrastructure Engineer', 'Azure Infrastructure Engineer'],
    'Systems Engineer': ['Systems Administrator', 'System Administrator', 'Sysadmin', 'Windows Systems Engineer', 'Linux Systems Engineer', 'Linux Engineer'],
    'Support Engineer': ['Application Support Engineer', 'Technical Support Engineer', 'IT Support Engineer', 'Desktop Support Engineer'],
    'Support Analyst': ['IT Support Analyst', 'Application Support Analyst', 'Service Desk Analyst', 'Helpdesk Analyst', 'IT Support Technician', 'IT Technician', '1st Line Support', '2nd Line Support', '3rd Line Support'],
    'UX Designer': ['User Experience Designer', 'UX/UI Designer', 'UI/UX Designer', 'Product Designer'],
    'UI Designer': ['User Interface Designer', 'Web Designer'],
    'Embedded Software Engineer': ['Embedded Engineer', 'Embedded Software Developer', 'Firmware Engineer'],
    'Game Developer': ['Games Developer', 'Gameplay Programmer', 'Game Programmer'],
    'Salesforce Developer': ['Salesforce Engineer'],
    'Dynamics 365 Developer': ['Dynamics CRM Developer', 'D365 Developer'],
    'SAP Consultant': ['SAP Functional Consultant', 'SAP Technical Consultant'],
    'Technical Consultant': ['IT Consultant'],
    'Solutions Architect': ['Solution Architect'],
    'Software Architect': ['Application Architect'],
    'Cloud Architect': ['Azure Architect', 'AWS Architect', 'Cloud Solutions Architect'],
    'Data Architect': [],
    'Enterprise Architect': [],
    'Technical Architect': [],
    'Security Architect': ['Cyber Security Architect'],
    'Project Manager': ['IT Project Manager', 'Technical Project Manager', 'Digital Project Manager'],
    'Product Manager': ['Technical Product Manager', 'Digital Product Manager'],
    'Delivery Manager': ['Technical Delivery Manager', 'Service Delivery Manager'],
    'Programme Manager': ['Program Manager', 'IT Programme Manager'],
    'Scrum Master': ['Agile Coach'],
    'Product Owner': ['Technical Product Owner'],
    'Data Manager': [],
    'Project Coordinator': ['PMO Analyst', 'Project Support Officer'],
}
SENIORITY = {
    'Junior': ['Graduate', 'Trainee', 'Entry Level', 'Apprentice'],
    '': [],
    'Senior': [],
    'Lead': [],
    'Principal': ['Staff'],
}
# roles that take no Junior variant (it is not advertised as such)
NO_JUNIOR = {'Enterprise Architect', 'Solutions Architect', 'Software Architect', 'Cloud Architect', 'Data Architect',
             'Technical Architect', 'Security Architect', 'Programme Manager', 'Delivery Manager', 'Product Owner',
             'Scrum Master', 'Data Manager'}
STANDALONE = {
    'Chief Technology Officer': ['CTO'],
    'Chief Information Officer': ['CIO'],
    'Chief Information Security Officer': ['CISO'],
    'Chief Data Officer': ['CDO'],
    'Head of IT': ['Head of Technology', 'IT Director', 'Director of IT'],
    'Head of Engineering': ['Director of Engineering', 'VP Engineering', 'VP of Engineering'],
    'Head of Data': ['Director of Data'],
    'IT Manager': ['IT Operations Manager', 'IT Services Manager'],
    'Engineering Manager': ['Software Engineering Manager'],
    'Development Manager': ['Software Development Manager'],
    'Technical Lead': ['Tech Lead', 'Technical Team Lead', 'Software Team Lead', 'Development Team Lead'],
    'Infrastructure Manager': ['IT Infrastructure Manager'],
    'Service Desk Manager': ['Helpdesk Manager', 'IT Support Manager'],
    'Data Protection Officer': ['DPO'],
    'Technical Writer': ['Technical Author'],
}

def parse_base():
    cats, cur = {}, None
    for line in (HERE / 'base.txt').read_text().splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        if line.startswith('== '):
            cur = line[3:].strip(); cats.setdefault(cur, []); continue
        name, _, rest = line.partition('|')
        aliases = [a.strip() for a in rest.split(';') if a.strip()]
        cats[cur].append([name.strip(), aliases])
    return cats

def job_titles():
    out = []
    for base, syns in ROLES.items():
        for level, level_syns in SENIORITY.items():
            if level == 'Junior' and base in NO_JUNIOR:
                continue
            name = (level + ' ' + base).strip()
            aliases = [(level + ' ' + s).strip() for s in syns]
            for ls in level_syns:
                aliases += [ls + ' ' + base] + [ls + ' ' + s for s in syns]
            out.append([name, aliases])
    for name, aliases in STANDALONE.items():
        out.append([name, list(aliases)])
    return out

def bare(s):
    return s.lstrip('?').lstrip('!').lower()

def mark(s):
    """The context mark of a form: '??', '?' or ''."""
    return s[:len(s) - len(s.lstrip('?'))]

def esco_aliases(path, cats):
    labels = {}
    with open(path, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            alts = [a.strip() for a in re.split(r'\s*\|\s*|\n', r['altLabels'] or '') if a.strip()]
            labels[r['preferredLabel'].strip().lower()] = alts
    taken = {bare(n) for terms in cats.values() for n, al in terms for n in [n] + al}
    added = 0
    for cat, terms in cats.items():
        if cat == 'Job Titles':
            continue
        for term in terms:
            for label in [term[0]] + term[1]:
                for alt in labels.get(bare(label), []):
                    # An alternative label of a form that needs context needs the same.
                    # Long ESCO labels are descriptions, not things an ad says; short lower-case ones are
                    # ordinary words ("gradual development") that would tag ads wrongly.
                    if len(alt) > 40 or ',' in alt or ';' in alt or alt.lower() in taken or len(alt) < 3:
                        continue
                    if alt == alt.lower() and ' ' in alt and not any(ch.isdigit() for ch in alt):
                        continue
                    term[1].append(mark(label) + alt); taken.add(alt.lower()); added += 1
    return added

def main():
    cats = parse_base()
    cats['Job Titles'] = job_titles()
    added = esco_aliases(sys.argv[1], cats) if len(sys.argv) > 1 else 0
    owners = {}
    for terms in cats.values():
        for name, aliases in terms:
            for form in {bare(f) for f in [name] + aliases}:
                owners.setdefault(form, []).append(bare(name))
    shared = {f: o for f, o in owners.items() if len(o) > 1}
    if shared:
        sys.exit('names or aliases of more than one term: %s' % sorted(shared.items()))
    body = []
    for cat in sorted(cats):
        body.append('== ' + cat)
        for name, aliases in cats[cat]:
            body.append(name + (' | ' + '; '.join(aliases) if aliases else ''))
        body.append('')
    text = '\n'.join(body)
    version = hashlib.sha256(text.encode()).hexdigest()[:12]
    header = [
        '# jobstats IT taxonomy, generated by tools/taxonomy/build.py: do not edit by hand.',
        '# version: ' + version,
        '# Sources: the project\'s own curated list of IT skills, tools, methods, qualifications and roles',
        '# (tools/taxonomy/base.txt and the job-title matrix in build.py); alternative labels added from the',
        '# ESCO digital skills collection v1.2 (European Commission, https://esco.ec.europa.eu, reused with',
        '# attribution) where an ESCO preferred label equals a term name or alias.',
        '# Format: "== Category" starts a category; "Name | alias; alias"; a leading ! matches case-sensitively;',
        '# before it, ? counts the form only in an IT ad and ?? only beside another skill (docs/ad-format.md).',
        '',
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text('\n'.join(header) + text)
    total = sum(len(t) for t in cats.values())
    print('terms %d (job titles %d), ESCO aliases added %d, version %s' % (total, len(cats['Job Titles']), added, version))

main()
