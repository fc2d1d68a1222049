"""Resumes written for these tests (not the evaluation set, which we never read)."""

ENGLISH = """\
Alex Morgan
Senior Software Engineer
alex.morgan@example.com | (415) 555-0142 | Seattle, WA | linkedin.com/in/alexmorgan | https://github.com/amorgan

SUMMARY
Backend engineer with 8 years of experience building distributed systems.

PROFESSIONAL EXPERIENCE
Senior Software Engineer | Northwind Technologies Inc. | Seattle, WA | Mar 2020 – Present
• Designed event-driven microservices in Go and Python on AWS, serving 20M requests a day
• Cut p99 latency by 45% by introducing Redis caching and tuning PostgreSQL queries
• Mentored four engineers and led the migration to Kubernetes
Software Engineer | Contoso Ltd | Portland, OR | Jun 2016 – Feb 2020
• Built REST APIs with Django and Celery
• Introduced CI/CD with Jenkins and Docker

EDUCATION
University of Washington
Bachelor of Science in Computer Science, Sep 2012 – Jun 2016, GPA: 3.7/4.0

SKILLS
Languages: Python, Go, Java, SQL
Frameworks: Django, Flask, React
Tools: Docker, Kubernetes, Terraform, Git, PostgreSQL, Redis

PROJECTS
OpenTrace | 2021
• Open-source tracing library for Python services using OpenTelemetry and gRPC

CERTIFICATIONS
AWS Certified Solutions Architect – Associate, Amazon Web Services, 2021
Certified Kubernetes Administrator (CKA) | CNCF | Nov 2022

LANGUAGES
English (native), Spanish (professional working proficiency)
"""

CHINESE = """\
张伟
电话：138 0013 8000 | 邮箱：zhangwei@example.com | 现居：北京市海淀区
求职意向：后端开发工程师

教 育 背 景
2016.09 - 2020.06  清华大学  计算机科学与技术  本科  GPA 3.8/4.0

工作经历：
2020.07 - 至今  字节跳动  高级后端工程师
• 负责推荐系统微服务架构设计，使用Go和Kafka构建高并发服务
• 主导分布式缓存优化，接口延迟降低40%
2019.07 - 2019.12  阿里巴巴  Java开发实习生
• 参与交易系统开发，使用Spring Boot和MySQL

项目经历
智能简历分析平台  2021.03 - 2021.09
• 使用Python和PyTorch实现简历实体识别，部署在Docker上

专业技能
熟练掌握Java、Python、Go；熟悉MySQL、Redis、Kafka；了解机器学习、深度学习

证书
2018.06 英语六级证书
2019.11 软件设计师 中国计算机技术职业资格网

语言能力
英语 CET-6，日语 N2
"""
