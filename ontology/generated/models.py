from __future__ import annotations

import re
import sys
from datetime import (
    date,
    datetime,
    time
)
from decimal import Decimal
from enum import Enum
from typing import (
    Any,
    ClassVar,
    Literal,
    Optional,
    Union
)

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer
)


metamodel_version = "1.12.0"
version = "0.1.0"


class ConfiguredBaseModel(BaseModel):
    model_config = ConfigDict(
        serialize_by_alias = True,
        validate_by_name = True,
        validate_assignment = True,
        validate_default = True,
        extra = "forbid",
        arbitrary_types_allowed = True,
        use_enum_values = True,
        strict = False,
    )





class LinkMLMeta(RootModel):
    root: dict[str, Any] = {}
    model_config = ConfigDict(frozen=True)

    def __getattr__(self, key:str):
        return getattr(self.root, key)

    def __getitem__(self, key:str):
        return self.root[key]

    def __setitem__(self, key:str, value):
        self.root[key] = value

    def __contains__(self, key:str) -> bool:
        return key in self.root


linkml_meta = LinkMLMeta({'default_prefix': 'aikg',
     'default_range': 'string',
     'description': 'Organizations, people and their roles, deals, model families, '
                    'models, releases, access channels, released artifacts, '
                    'licenses, benchmark results, safety assessments, public '
                    'statements and the sources behind every one of them. This '
                    'file is the single source of truth: pydantic models, OWL, '
                    'SHACL and JSON Schema in ontology/generated/ are produced '
                    'from it by `python -m ontology.generate`. Graph conventions, '
                    'read by ontology/vocab.py: every concrete class is a node '
                    'label; a slot whose range is a class becomes a relationship '
                    "whose type is the slot's `edge` annotation; an association "
                    'class (annotation `association`) becomes a relationship '
                    'carrying its own properties.',
     'id': 'https://w3id.org/aikg/schema',
     'imports': ['linkml:types'],
     'license': 'CC-BY-4.0',
     'name': 'aikg',
     'prefixes': {'aikg': {'prefix_prefix': 'aikg',
                           'prefix_reference': 'https://w3id.org/aikg/'},
                  'app': {'prefix_prefix': 'app',
                          'prefix_reference': 'https://w3id.org/aikg/id/app/'},
                  'artifact': {'prefix_prefix': 'artifact',
                               'prefix_reference': 'https://w3id.org/aikg/id/artifact/'},
                  'assessment': {'prefix_prefix': 'assessment',
                                 'prefix_reference': 'https://w3id.org/aikg/id/assessment/'},
                  'benchmark': {'prefix_prefix': 'benchmark',
                                'prefix_reference': 'https://w3id.org/aikg/id/benchmark/'},
                  'channel': {'prefix_prefix': 'channel',
                              'prefix_reference': 'https://w3id.org/aikg/id/channel/'},
                  'claim': {'prefix_prefix': 'claim',
                            'prefix_reference': 'https://w3id.org/aikg/id/claim/'},
                  'dataset': {'prefix_prefix': 'dataset',
                              'prefix_reference': 'https://w3id.org/aikg/id/dataset/'},
                  'dcat': {'prefix_prefix': 'dcat',
                           'prefix_reference': 'http://www.w3.org/ns/dcat#'},
                  'dcterms': {'prefix_prefix': 'dcterms',
                              'prefix_reference': 'http://purl.org/dc/terms/'},
                  'deal': {'prefix_prefix': 'deal',
                           'prefix_reference': 'https://w3id.org/aikg/id/deal/'},
                  'family': {'prefix_prefix': 'family',
                             'prefix_reference': 'https://w3id.org/aikg/id/family/'},
                  'foaf': {'prefix_prefix': 'foaf',
                           'prefix_reference': 'http://xmlns.com/foaf/0.1/'},
                  'license': {'prefix_prefix': 'license',
                              'prefix_reference': 'https://w3id.org/aikg/id/license/'},
                  'linkml': {'prefix_prefix': 'linkml',
                             'prefix_reference': 'https://w3id.org/linkml/'},
                  'model': {'prefix_prefix': 'model',
                            'prefix_reference': 'https://w3id.org/aikg/id/model/'},
                  'mof': {'prefix_prefix': 'mof',
                          'prefix_reference': 'https://w3id.org/aikg/mof/'},
                  'org': {'prefix_prefix': 'org',
                          'prefix_reference': 'https://w3id.org/aikg/id/org/'},
                  'owl': {'prefix_prefix': 'owl',
                          'prefix_reference': 'http://www.w3.org/2002/07/owl#'},
                  'person': {'prefix_prefix': 'person',
                             'prefix_reference': 'https://w3id.org/aikg/id/person/'},
                  'prov': {'prefix_prefix': 'prov',
                           'prefix_reference': 'http://www.w3.org/ns/prov#'},
                  'rdf': {'prefix_prefix': 'rdf',
                          'prefix_reference': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'},
                  'release': {'prefix_prefix': 'release',
                              'prefix_reference': 'https://w3id.org/aikg/id/release/'},
                  'result': {'prefix_prefix': 'result',
                             'prefix_reference': 'https://w3id.org/aikg/id/result/'},
                  'schema': {'prefix_prefix': 'schema',
                             'prefix_reference': 'http://schema.org/'},
                  'skos': {'prefix_prefix': 'skos',
                           'prefix_reference': 'http://www.w3.org/2004/02/skos/core#'},
                  'source': {'prefix_prefix': 'source',
                             'prefix_reference': 'https://w3id.org/aikg/id/source/'},
                  'spdx': {'prefix_prefix': 'spdx',
                           'prefix_reference': 'http://spdx.org/rdf/terms#'},
                  'statement': {'prefix_prefix': 'statement',
                                'prefix_reference': 'https://w3id.org/aikg/id/statement/'},
                  'w3org': {'prefix_prefix': 'w3org',
                            'prefix_reference': 'http://www.w3.org/ns/org#'},
                  'wdt': {'prefix_prefix': 'wdt',
                          'prefix_reference': 'http://www.wikidata.org/prop/direct/'},
                  'wikidata': {'prefix_prefix': 'wikidata',
                               'prefix_reference': 'http://www.wikidata.org/entity/'},
                  'xsd': {'prefix_prefix': 'xsd',
                          'prefix_reference': 'http://www.w3.org/2001/XMLSchema#'}},
     'source_file': 'aikg.yaml',
     'title': 'aikg — the AI release landscape ontology',
     'types': {'PartialDate': {'description': 'An ISO 8601 date at year, month or '
                                              'day precision (2024, 2024-07, '
                                              '2024-07-23).',
                               'from_schema': 'https://w3id.org/aikg/schema',
                               'name': 'PartialDate',
                               'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$',
                               'typeof': 'string',
                               'uri': 'xsd:string'}}} )

class ConfidenceLevel(str, Enum):
    """
    How sure the curators are of a fact; low marks a fact no primary source confirms.
    """
    high = "high"
    """
    Stated by a primary source or several independent reports.
    """
    medium = "medium"
    """
    Stated by one secondary source, or derived (e.g. a relative date resolved against an article date).
    """
    low = "low"
    """
    Plausible but weakly sourced; shown with a warning.
    """


class OrganizationKind(str, Enum):
    """
    Kinds of organizations.
    """
    company = "company"
    lab = "lab"
    """
    A research lab or division inside a parent organization.
    """
    nonprofit = "nonprofit"
    university = "university"
    government = "government"
    investor = "investor"
    """
    A venture fund or other investing firm.
    """
    collaboration = "collaboration"
    """
    A research collaboration or open community (e.g. BigScience, EleutherAI before incorporation).
    """
    standards_body = "standards_body"
    """
    A foundation or consortium publishing standards or frameworks.
    """


class DealKind(str, Enum):
    """
    Kinds of deals between organizations and people.
    """
    acquisition = "acquisition"
    equity_stake = "equity_stake"
    """
    A minority or majority stake short of a full acquisition.
    """
    investment = "investment"
    """
    A funding round or strategic investment.
    """
    partnership = "partnership"
    """
    A commercial or cloud partnership without a stated equity part.
    """
    acquihire = "acquihire"
    """
    Hiring a team (often with a licensing payment) instead of buying the company.
    """
    licensing = "licensing"


class DealRole(str, Enum):
    """
    Parts a party can play in a deal.
    """
    acquirer = "acquirer"
    target = "target"
    """
    The organization acquired, invested in or licensed from.
    """
    investor = "investor"
    partner = "partner"
    licensor = "licensor"
    licensee = "licensee"
    hired = "hired"
    """
    A person or team joining the acquirer as part of the deal.
    """


class LineageKind(str, Enum):
    """
    Ways a model can be derived from another.
    """
    fine_tune = "fine_tune"
    instruction_tune = "instruction_tune"
    distillation = "distillation"
    continued_pretraining = "continued_pretraining"
    quantization = "quantization"
    merge = "merge"
    upscaling = "upscaling"
    adapter = "adapter"


class Modality(str, Enum):
    """
    Kinds of data a model reads or writes.
    """
    text = "text"
    code = "code"
    image = "image"
    audio = "audio"
    video = "video"
    speech = "speech"
    multimodal = "multimodal"
    """
    Natively accepts several modalities.
    """


class ArtifactKind(str, Enum):
    """
    What a release can contain, after the components of the Model Openness Framework (MOF, LF AI & Data) plus the distinctions the seed reporting asks for. A value's title is the MOF component name.
    """
    Model_architecture = "model_architecture"
    """
    Code or a full specification of the architecture.
    """
    Model_parameters_LEFT_PARENTHESISFinalRIGHT_PARENTHESIS = "final_weights"
    """
    Final model parameters.
    """
    Model_parameters_LEFT_PARENTHESISIntermediateRIGHT_PARENTHESIS = "intermediate_weights"
    """
    Intermediate or partial checkpoints.
    """
    Datasets = "training_data"
    """
    The datasets the model was trained on.
    """
    Evaluation_data = "evaluation_data"
    Model_metadata = "model_metadata"
    Sample_model_outputs = "sample_outputs"
    Model_card = "model_card"
    Data_card = "data_card"
    Technical_report = "technical_report"
    Research_paper = "research_paper"
    Evaluation_results = "evaluation_results"
    Training_code = "training_code"
    Inference_code = "inference_code"
    Evaluation_code = "evaluation_code"
    Supporting_libraries_and_tools = "supporting_tools"
    """
    Supporting libraries and tools, including inference and serving tooling.
    """
    Data_preprocessing_code = "data_preprocessing_code"
    fine_tuning_recipe = "fine_tuning_recipe"
    """
    The post-training or fine-tuning recipe (data mix, hyperparameters, code).
    """
    deployment_wrapper = "deployment_wrapper"
    """
    Client libraries or deployment wrappers only, without the model's own code.
    """


class Availability(str, Enum):
    """
    How obtainable an artifact is.
    """
    open = "open"
    """
    Anyone can download it without asking.
    """
    gated = "gated"
    """
    Downloadable after a request, an agreement or an approval.
    """
    closed = "closed"
    """
    Not available outside the developer.
    """


class AccessKind(str, Enum):
    """
    Kinds of access channels.
    """
    open_download = "open_download"
    """
    Weights downloadable by anyone.
    """
    gated_download = "gated_download"
    """
    Weights downloadable after a request or agreement.
    """
    public_api = "public_api"
    """
    A generally available paid or free API.
    """
    private_api_preview = "private_api_preview"
    """
    API access for selected users only.
    """
    consumer_app = "consumer_app"
    """
    Usable only inside the developer's own products.
    """
    research_access = "research_access"
    """
    Access granted to selected researchers.
    """
    unreleased = "unreleased"
    """
    Announced or described but not made available.
    """


class LicenseKind(str, Enum):
    """
    Families of license terms.
    """
    permissive = "permissive"
    """
    An OSI-approved permissive license (Apache-2.0, MIT, BSD).
    """
    copyleft = "copyleft"
    responsible_ai = "responsible_ai"
    """
    A RAIL-style license with use-based restrictions.
    """
    custom_model_license = "custom_model_license"
    """
    A developer's own model license (community license, terms of use).
    """
    noncommercial = "noncommercial"
    """
    Forbids commercial use (CC-BY-NC, research licenses).
    """
    proprietary = "proprietary"
    """
    Terms of service of a closed product; no rights to the model itself.
    """
    public_domain = "public_domain"
    open_data = "open_data"
    """
    An open data or documentation license (CC-BY, CDLA, ODC).
    """


class SourceKind(str, Enum):
    """
    Kinds of sources.
    """
    primary = "primary"
    """
    The developer's own announcement, paper, model card, license or filing.
    """
    secondary = "secondary"
    """
    Reporting or commentary by others.
    """
    dataset = "dataset"
    """
    A record in a public dataset (Epoch AI, Ecosystem Graphs, MOT).
    """


class Stance(str, Enum):
    """
    Positions on openness.
    """
    pro_open = "pro_open"
    pro_closed = "pro_closed"
    mixed = "mixed"
    neutral = "neutral"


class RiskLevel(str, Enum):
    """
    Risk levels stated by safety assessments.
    """
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"



class Thing(ConfiguredBaseModel):
    """
    Anything in the graph; each has a stable id, a name and its sources.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'abstract': True,
         'class_uri': 'schema:Thing',
         'from_schema': 'https://w3id.org/aikg/schema'})

    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Agent(Thing):
    """
    A person or an organization that can act, decide or state.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'abstract': True,
         'class_uri': 'prov:Agent',
         'from_schema': 'https://w3id.org/aikg/schema'})

    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Organization(Agent):
    """
    A company, a lab or division inside one, a nonprofit, university, government or investor.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'organizations'}},
         'class_uri': 'schema:Organization',
         'exact_mappings': ['w3org:Organization',
                            'foaf:Organization',
                            'wikidata:Q43229'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['org']})

    organization_kind: Optional[OrganizationKind] = Field(default=None, description="""What kind of organization this is (left out when a source does not say).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization']} })
    parent: Optional[str] = Field(default=None, description="""The organization this one is part of.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'PART_OF'}},
         'domain_of': ['Organization'],
         'slot_uri': 'w3org:subOrganizationOf'} })
    country: Optional[str] = Field(default=None, description="""ISO 3166-1 alpha-2 country code of the headquarters.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization'], 'slot_uri': 'schema:addressCountry'} })
    founded: Optional[str] = Field(default=None, description="""When the organization was founded.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization'], 'slot_uri': 'schema:foundingDate'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('country')
    def pattern_country(cls, v):
        pattern=re.compile(r"^[A-Z]{2}$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid country format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid country format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('founded')
    def pattern_founded(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid founded format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid founded format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Person(Agent):
    """
    A person holding roles at organizations (founders, executives, researchers).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'people'}},
         'class_uri': 'schema:Person',
         'exact_mappings': ['foaf:Person', 'wikidata:Q5'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['person']})

    roles: Optional[list[Role]] = Field(default=None, description="""The positions the person held, each a HOLDS_ROLE relationship.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Person'], 'slot_uri': 'w3org:holds'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Role(ConfiguredBaseModel):
    """
    A dated position a person holds at an organization (a relationship HOLDS_ROLE).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'association': {'tag': 'association', 'value': 'HOLDS_ROLE'},
                         'key_slots': {'tag': 'key_slots', 'value': 'title start_date'},
                         'target_slot': {'tag': 'target_slot',
                                         'value': 'organization'}},
         'class_uri': 'w3org:Membership',
         'from_schema': 'https://w3id.org/aikg/schema',
         'slot_usage': {'sources': {'description': 'The sources of this relationship; '
                                                   'when absent, those of the record '
                                                   'holding it.',
                                    'name': 'sources',
                                    'required': False}}})

    organization: str = Field(default=..., description="""The organization a role is held at.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Role'], 'slot_uri': 'w3org:organization'} })
    title: str = Field(default=..., description="""The title of a role (Chief AI Officer) or of a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Role', 'Source'], 'slot_uri': 'dcterms:title'} })
    start_date: Optional[str] = Field(default=None, description="""When a role began.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Role'], 'slot_uri': 'schema:startDate'} })
    end_date: Optional[str] = Field(default=None, description="""When a role ended; absent while it lasts.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Role'], 'slot_uri': 'schema:endDate'} })
    sources: Optional[list[str]] = Field(default=None, description="""The sources of this relationship; when absent, those of the record holding it.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })

    @field_validator('start_date')
    def pattern_start_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid start_date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid start_date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('end_date')
    def pattern_end_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid end_date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid end_date format: {v}"
            raise ValueError(err_msg)
        return v


class Deal(Thing):
    """
    An acquisition, equity stake, investment, partnership, acquihire or licensing deal.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'deals'}},
         'class_uri': 'aikg:Deal',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['deal']})

    deal_kind: DealKind = Field(default=..., description="""What kind of deal this is.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Deal']} })
    parties: list[DealParty] = Field(default=..., description="""The organizations and people taking part, each a HAS_PARTY relationship.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Deal']} })
    amount_usd: Optional[int] = Field(default=None, description="""Amount in whole US dollars as announced or reported (currency USD).""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Deal'], 'slot_uri': 'schema:price'} })
    stake_percent: Optional[float] = Field(default=None, description="""The share of equity acquired, in percent.""", ge=0, le=100, json_schema_extra = { "linkml_meta": {'domain_of': ['Deal', 'DealParty']} })
    announced: Optional[str] = Field(default=None, description="""When the deal was announced.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Deal']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('announced')
    def pattern_announced(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid announced format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid announced format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class DealParty(ConfiguredBaseModel):
    """
    An organization or person taking part in a deal (a relationship HAS_PARTY).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'association': {'tag': 'association', 'value': 'HAS_PARTY'},
                         'key_slots': {'tag': 'key_slots', 'value': 'deal_role'},
                         'target_slot': {'tag': 'target_slot', 'value': 'party'}},
         'from_schema': 'https://w3id.org/aikg/schema',
         'slot_usage': {'sources': {'description': 'The sources of this relationship; '
                                                   'when absent, those of the record '
                                                   'holding it.',
                                    'name': 'sources',
                                    'required': False}}})

    party: str = Field(default=..., description="""The organization or person taking part in a deal.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DealParty']} })
    deal_role: DealRole = Field(default=..., description="""The part a party plays in a deal.""", json_schema_extra = { "linkml_meta": {'domain_of': ['DealParty']} })
    stake_percent: Optional[float] = Field(default=None, description="""The share of equity acquired, in percent.""", ge=0, le=100, json_schema_extra = { "linkml_meta": {'domain_of': ['Deal', 'DealParty']} })
    sources: Optional[list[str]] = Field(default=None, description="""The sources of this relationship; when absent, those of the record holding it.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })


class ModelFamily(Thing):
    """
    A named line of models (Llama, Muse, GPT, Claude).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'model_families'}},
         'class_uri': 'aikg:ModelFamily',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['family']})

    developers: Optional[list[str]] = Field(default=None, description="""The organizations that built the model or family.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'DEVELOPED_BY'}},
         'domain_of': ['ModelFamily', 'Model', 'Dataset', 'Application'],
         'slot_uri': 'schema:creator'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Model(Thing):
    """
    A trained AI model (a specific size or variant where that matters).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'models'}},
         'class_uri': 'schema:SoftwareApplication',
         'exact_mappings': ['wikidata:Q105850059'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['model']})

    developers: Optional[list[str]] = Field(default=None, description="""The organizations that built the model or family.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'DEVELOPED_BY'}},
         'domain_of': ['ModelFamily', 'Model', 'Dataset', 'Application'],
         'slot_uri': 'schema:creator'} })
    family: Optional[str] = Field(default=None, description="""The model family the model belongs to.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'IN_FAMILY'}},
         'domain_of': ['Model'],
         'slot_uri': 'schema:isPartOf'} })
    parameters: Optional[int] = Field(default=None, description="""Total parameter count.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    active_parameters: Optional[int] = Field(default=None, description="""Parameters active per token for mixture-of-experts models.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    training_compute_flop: Optional[float] = Field(default=None, description="""Training compute in floating-point operations.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    modalities: Optional[list[Modality]] = Field(default=None, description="""The input and output modalities of the model.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model', 'Dataset']} })
    architecture: Optional[str] = Field(default=None, description="""The architecture in a few words (dense decoder-only transformer, mixture of experts).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    base_models: Optional[list[Lineage]] = Field(default=None, description="""The models this one was derived from.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    frontier: Optional[bool] = Field(default=None, description="""Curated frontier flag; the sources of the record say who judged it so.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    epoch_frontier: Optional[bool] = Field(default=None, description="""Epoch AI's \"Frontier model\" flag (among the top 10 by training compute at release); its source is the Epoch AI record.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model']} })
    trained_on: Optional[list[str]] = Field(default=None, description="""The datasets the model was trained on.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'TRAINED_ON'}},
         'domain_of': ['Model']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Lineage(ConfiguredBaseModel):
    """
    The model a model was derived from and how (a relationship BASED_ON).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'association': {'tag': 'association', 'value': 'BASED_ON'},
                         'target_slot': {'tag': 'target_slot', 'value': 'base_model'}},
         'from_schema': 'https://w3id.org/aikg/schema',
         'slot_usage': {'sources': {'description': 'The sources of this relationship; '
                                                   'when absent, those of the record '
                                                   'holding it.',
                                    'name': 'sources',
                                    'required': False}}})

    base_model: str = Field(default=..., description="""The model another was derived from.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Lineage']} })
    lineage_kind: Optional[LineageKind] = Field(default=None, description="""How a model was derived from its base model.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Lineage']} })
    sources: Optional[list[str]] = Field(default=None, description="""The sources of this relationship; when absent, those of the record holding it.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })


class Release(Thing):
    """
    A dated event in which an organization made a model available (or announced it), through access channels, with the artifacts it shipped. A model can have several.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'releases'}},
         'class_uri': 'prov:Activity',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['release'],
         'slot_usage': {'date': {'name': 'date', 'required': True}}})

    model: str = Field(default=..., description="""The model a release or benchmark result is about.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'OF_MODEL'}},
         'domain_of': ['Release', 'BenchmarkResult']} })
    released_by: Optional[list[str]] = Field(default=None, description="""The organizations that made the release.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'RELEASED_BY'}},
         'domain_of': ['Release'],
         'slot_uri': 'schema:publisher'} })
    date: str = Field(default=..., description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    channels: Optional[list[str]] = Field(default=None, description="""The access channels the release went out through.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'VIA_CHANNEL'}},
         'domain_of': ['Release']} })
    artifacts: Optional[list[Artifact]] = Field(default=None, description="""The components the release shipped or withheld.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'SHIPPED'}},
         'domain_of': ['Release'],
         'slot_uri': 'dcat:distribution'} })
    license: Optional[str] = Field(default=None, description="""The license a release or artifact is offered under.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'UNDER_LICENSE'}},
         'domain_of': ['Release', 'Artifact', 'Dataset'],
         'slot_uri': 'dcterms:license'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Artifact(Thing):
    """
    One component a release shipped or withheld, with its availability and license.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'artifacts'}},
         'class_uri': 'dcat:Distribution',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['artifact']})

    artifact_kind: ArtifactKind = Field(default=..., description="""Which component of a release the artifact is.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Artifact']} })
    availability: Availability = Field(default=..., description="""Whether the artifact can be obtained: open, gated or closed.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Artifact']} })
    license: Optional[str] = Field(default=None, description="""The license a release or artifact is offered under.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'UNDER_LICENSE'}},
         'domain_of': ['Release', 'Artifact', 'Dataset'],
         'slot_uri': 'dcterms:license'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class License(Thing):
    """
    The terms a model or artifact is offered under.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'licenses'}},
         'class_uri': 'dcterms:LicenseDocument',
         'exact_mappings': ['spdx:License'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['license']})

    spdx_id: Optional[str] = Field(default=None, description="""The SPDX identifier, when the license has one.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License'], 'slot_uri': 'spdx:licenseId'} })
    license_kind: LicenseKind = Field(default=..., description="""The family of terms the license belongs to.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    osi_approved: Optional[bool] = Field(default=None, description="""Whether the Open Source Initiative approved the license.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    commercial_use: Optional[bool] = Field(default=None, description="""Whether commercial use is permitted at all.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    derivatives_allowed: Optional[bool] = Field(default=None, description="""Whether modified versions and derivative models may be made and shared.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    user_threshold_mau: Optional[int] = Field(default=None, description="""Monthly active users above which a separate license must be requested.""", ge=0, json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    acceptable_use_policy: Optional[bool] = Field(default=None, description="""Whether use is bound by an acceptable-use policy.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    usage_restrictions: Optional[list[str]] = Field(default=None, description="""Restrictions stated in the license, in the project's words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['License']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class AccessChannel(Thing):
    """
    How people reach a model (a download site, an API, an app).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'access_channels'}},
         'class_uri': 'aikg:AccessChannel',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['channel']})

    access_kind: AccessKind = Field(default=..., description="""How the channel gives access: download, API, app, research access or none.""", json_schema_extra = { "linkml_meta": {'domain_of': ['AccessChannel']} })
    operator: Optional[str] = Field(default=None, description="""The organization running the channel.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'OPERATED_BY'}},
         'domain_of': ['AccessChannel']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Benchmark(Thing):
    """
    A named evaluation (MMLU, Humanity's Last Exam) that results refer to.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'benchmarks'}},
         'class_uri': 'aikg:Benchmark',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['benchmark']})

    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class BenchmarkResult(Thing):
    """
    A score a model reached on a benchmark, as published by the developer or a named evaluator.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'benchmark_results'}},
         'class_uri': 'aikg:BenchmarkResult',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['result']})

    model: str = Field(default=..., description="""The model a release or benchmark result is about.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'OF_MODEL'}},
         'domain_of': ['Release', 'BenchmarkResult']} })
    benchmark: str = Field(default=..., description="""The benchmark a result was reached on.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'ON_BENCHMARK'}},
         'domain_of': ['BenchmarkResult']} })
    score: float = Field(default=..., description="""The score reached, in the given unit.""", json_schema_extra = { "linkml_meta": {'domain_of': ['BenchmarkResult']} })
    unit: Optional[str] = Field(default=None, description="""percent, elo, pass@1, …""", json_schema_extra = { "linkml_meta": {'domain_of': ['BenchmarkResult']} })
    setting: Optional[str] = Field(default=None, description="""The mode or setting of the run (e.g. a \"Contemplating\" mode, 5-shot).""", json_schema_extra = { "linkml_meta": {'domain_of': ['BenchmarkResult']} })
    evaluator: Optional[str] = Field(default=None, description="""Who ran the evaluation (the developer or a named third party).""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'EVALUATED_BY'}},
         'domain_of': ['BenchmarkResult']} })
    date: Optional[str] = Field(default=None, description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class SafetyAssessment(Thing):
    """
    A published safety evaluation of a model (a preparedness or system card report) and the risk levels it states.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'safety_assessments'}},
         'class_uri': 'aikg:SafetyAssessment',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['assessment']})

    assessed_model: str = Field(default=..., description="""The model the safety assessment evaluates.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'ASSESSES'}},
         'domain_of': ['SafetyAssessment']} })
    publisher_org: Optional[str] = Field(default=None, description="""The organization that published the assessment.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'PUBLISHED_BY'}},
         'domain_of': ['SafetyAssessment']} })
    framework: Optional[str] = Field(default=None, description="""The framework the assessment applies (a preparedness or frontier safety framework).""", json_schema_extra = { "linkml_meta": {'domain_of': ['SafetyAssessment']} })
    findings: Optional[list[str]] = Field(default=None, description="""Risk findings in the project's words, one per domain.""", json_schema_extra = { "linkml_meta": {'domain_of': ['SafetyAssessment']} })
    max_risk_level: Optional[RiskLevel] = Field(default=None, description="""The highest risk level the assessment states.""", json_schema_extra = { "linkml_meta": {'domain_of': ['SafetyAssessment']} })
    date: Optional[str] = Field(default=None, description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Statement(Thing):
    """
    A public position taken by a person or organization, paraphrased.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'statements'}},
         'class_uri': 'aikg:Statement',
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['statement']})

    speaker: str = Field(default=..., description="""The person or organization taking the position.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'STATED_BY'}},
         'domain_of': ['Statement']} })
    about: Optional[list[str]] = Field(default=None, description="""The entities a statement concerns.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'ABOUT'}},
         'domain_of': ['Statement']} })
    date: Optional[str] = Field(default=None, description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    stance: Optional[Stance] = Field(default=None, description="""The position on openness the statement takes.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Statement']} })
    summary: str = Field(default=..., description="""What was stated, paraphrased in the project's words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Statement']} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Source(Thing):
    """
    Where a fact comes from; a Source node lists itself among its sources.
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'sources'}},
         'class_uri': 'prov:Entity',
         'exact_mappings': ['schema:CreativeWork'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['source'],
         'slot_usage': {'title': {'name': 'title', 'required': False}}})

    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    title: Optional[str] = Field(default=None, description="""The title of a role (Chief AI Officer) or of a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Role', 'Source'], 'slot_uri': 'dcterms:title'} })
    publisher: Optional[str] = Field(default=None, description="""Who published the source (an outlet or an organization's name).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Source'], 'slot_uri': 'schema:publisher'} })
    author: Optional[str] = Field(default=None, description="""The author of the source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Source'], 'slot_uri': 'schema:author'} })
    published: Optional[str] = Field(default=None, description="""When the source was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Source'], 'slot_uri': 'schema:datePublished'} })
    source_kind: SourceKind = Field(default=..., description="""Whether the source is primary, secondary reporting or a dataset record.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Source']} })
    cites: Optional[list[str]] = Field(default=None, description="""The sources this source relies on.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'CITES'}},
         'domain_of': ['Source'],
         'slot_uri': 'schema:citation'} })
    dataset_record: Optional[str] = Field(default=None, description="""For a dataset source, the record within the dataset (file and row or key).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Source']} })
    mentions: Optional[list[str]] = Field(default=None, description="""The entities a source (an article) names.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'MENTIONS'}},
         'domain_of': ['Source']} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('published')
    def pattern_published(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid published format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid published format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Dataset(Thing):
    """
    A dataset models are trained or evaluated on (The Pile, Dolma, LAION-5B).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'datasets'}},
         'class_uri': 'dcat:Dataset',
         'exact_mappings': ['schema:Dataset'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['dataset']})

    developers: Optional[list[str]] = Field(default=None, description="""The organizations that built the model or family.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'DEVELOPED_BY'}},
         'domain_of': ['ModelFamily', 'Model', 'Dataset', 'Application'],
         'slot_uri': 'schema:creator'} })
    date: Optional[str] = Field(default=None, description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    license: Optional[str] = Field(default=None, description="""The license a release or artifact is offered under.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'UNDER_LICENSE'}},
         'domain_of': ['Release', 'Artifact', 'Dataset'],
         'slot_uri': 'dcterms:license'} })
    modalities: Optional[list[Modality]] = Field(default=None, description="""The input and output modalities of the model.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Model', 'Dataset']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Application(Thing):
    """
    A product or service built on models (an assistant, a coding tool).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'applications'}},
         'class_uri': 'aikg:Application',
         'exact_mappings': ['schema:SoftwareApplication'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['app']})

    developers: Optional[list[str]] = Field(default=None, description="""The organizations that built the model or family.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'DEVELOPED_BY'}},
         'domain_of': ['ModelFamily', 'Model', 'Dataset', 'Application'],
         'slot_uri': 'schema:creator'} })
    date: Optional[str] = Field(default=None, description="""When the event happened or the item was published.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Release',
                       'BenchmarkResult',
                       'SafetyAssessment',
                       'Statement',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:datePublished'} })
    built_on: Optional[list[str]] = Field(default=None, description="""The models an application is built on.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'BUILT_ON'}},
         'domain_of': ['Application']} })
    url: Optional[str] = Field(default=None, description="""The canonical web address of the entity or document.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Organization',
                       'Person',
                       'Deal',
                       'ModelFamily',
                       'Model',
                       'Release',
                       'Artifact',
                       'License',
                       'AccessChannel',
                       'Benchmark',
                       'SafetyAssessment',
                       'Source',
                       'Dataset',
                       'Application'],
         'slot_uri': 'schema:url'} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('date')
    def pattern_date(cls, v):
        pattern=re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid date format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid date format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


class Claim(Thing):
    """
    One value one source states for one field of an entity. Imported datasets state their values as claims, so that where sources disagree both values stay, each with its source (`aikg conflicts`).
    """
    linkml_meta: ClassVar[LinkMLMeta] = LinkMLMeta({'annotations': {'section': {'tag': 'section', 'value': 'claims'}},
         'class_uri': 'rdf:Statement',
         'exact_mappings': ['schema:Claim'],
         'from_schema': 'https://w3id.org/aikg/schema',
         'id_prefixes': ['claim']})

    subject: str = Field(default=..., description="""The entity a claim is about.""", json_schema_extra = { "linkml_meta": {'annotations': {'edge': {'tag': 'edge', 'value': 'CLAIMS_ABOUT'}},
         'domain_of': ['Claim'],
         'slot_uri': 'rdf:subject'} })
    field_name: str = Field(default=..., description="""The field of the subject the claim gives a value for (date, parameters, weights, license, …).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Claim'], 'slot_uri': 'rdf:predicate'} })
    value: str = Field(default=..., description="""The claimed value, as text.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Claim'], 'slot_uri': 'rdf:object'} })
    raw_value: Optional[str] = Field(default=None, description="""The value in the source's own wording, when it differs from the normalized value.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Claim']} })
    id: str = Field(default=..., description="""Stable readable identifier, a class prefix then a slug (model:muse-spark).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'dcterms:identifier'} })
    name: str = Field(default=..., description="""The usual display name.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:name'} })
    aliases: Optional[list[str]] = Field(default=None, description="""Other names the entity is known by or was seen under in a source.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'skos:altLabel'} })
    description: Optional[str] = Field(default=None, description="""A short description in the project's own words.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:description'} })
    notes: Optional[str] = Field(default=None, description="""Curator's note on a judgment made (e.g. why a release counts as gated).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'skos:editorialNote'} })
    sources: list[str] = Field(default=..., description="""Ids of the Source nodes behind this fact (claim-level provenance).""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role', 'DealParty', 'Lineage'],
         'slot_uri': 'prov:wasDerivedFrom'} })
    confidence: Optional[ConfidenceLevel] = Field(default=None, description="""How sure the facts of this record are; absent means high.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing', 'Role']} })
    wikidata_id: Optional[str] = Field(default=None, description="""The Wikidata item (Q-number) of the entity, when known.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'schema:sameAs'} })
    same_as: Optional[list[str]] = Field(default=None, description="""The same entity in other vocabularies (its Wikidata item, its SPDX license page); the RDF export derives these from wikidata_id and spdx_id.""", json_schema_extra = { "linkml_meta": {'domain_of': ['Thing'], 'slot_uri': 'owl:sameAs'} })

    @field_validator('id')
    def pattern_id(cls, v):
        pattern=re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._/+-]*$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid id format: {v}"
            raise ValueError(err_msg)
        return v

    @field_validator('wikidata_id')
    def pattern_wikidata_id(cls, v):
        pattern=re.compile(r"^Q[0-9]+$")
        if isinstance(v, list):
            for element in v:
                if isinstance(element, str) and not pattern.search(element):
                    err_msg = f"Invalid wikidata_id format: {element}"
                    raise ValueError(err_msg)
        elif isinstance(v, str) and not pattern.search(v):
            err_msg = f"Invalid wikidata_id format: {v}"
            raise ValueError(err_msg)
        return v


# Model rebuild
# see https://pydantic-docs.helpmanual.io/usage/models/#rebuilding-a-model
Thing.model_rebuild()
Agent.model_rebuild()
Organization.model_rebuild()
Person.model_rebuild()
Role.model_rebuild()
Deal.model_rebuild()
DealParty.model_rebuild()
ModelFamily.model_rebuild()
Model.model_rebuild()
Lineage.model_rebuild()
Release.model_rebuild()
Artifact.model_rebuild()
License.model_rebuild()
AccessChannel.model_rebuild()
Benchmark.model_rebuild()
BenchmarkResult.model_rebuild()
SafetyAssessment.model_rebuild()
Statement.model_rebuild()
Source.model_rebuild()
Dataset.model_rebuild()
Application.model_rebuild()
Claim.model_rebuild()
