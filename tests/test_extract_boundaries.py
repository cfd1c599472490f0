"""Name boundaries and context typing on passages from outside the corpus's topics (written for these tests)."""

from conftest import extract_one


def _entities(title: str, abstract: str) -> dict:
    return {(e.name, e.type): e for e in extract_one(title, abstract).entities}


def _names(title: str, abstract: str) -> set:
    return {name for name, _ in _entities(title, abstract)}


def test_multi_word_and_versioned_names_stay_whole():
    names = _names(
        "Counting Boats from Above",
        "We compare our detector with Faster R-CNN and Mask R-CNN on the PASCAL VOC benchmark. "
        "We also tag entities on OntoNotes v5.0 and classify events on the N-Caltech 101 dataset.",
    )
    for whole in ("Faster R-CNN", "Mask R-CNN", "PASCAL VOC", "OntoNotes v5.0", "N-Caltech 101"):
        assert whole in names, whole
    assert not names & {"R-CNN", "PASCAL", "VOC", "OntoNotes"}



def test_a_word_that_starts_with_a_titlecase_letter_opens_the_name_as_a_capital_does():
    """`str.istitle` takes "ǅoint" as it takes "Joint": the one-character gate before the full test lets it through."""
    names = _names("Detectors", "We use a ǅeep R-CNN detector and Faster R-CNN, and compare with the ǅoint Actor-Critic baseline.")
    assert {"ǅeep R-CNN", "Faster R-CNN", "ǅoint Actor-Critic"} <= names

def test_a_release_number_after_a_coined_name_stays_with_it():
    names = _names(
        "Shift pooling for series",
        "HIVE-COTE 2.0 remains the strongest baseline, and we compare with HIVE-COTE 2.0 and ROCKET on the UCR archive. "
        "Our model reaches 84.1 accuracy, 2.3 points above ROCKET.",
    )
    assert "HIVE-COTE 2.0" in names and "HIVE-COTE" not in names
    assert not any(name.endswith("2.3") for name in names)


def test_a_game_an_agent_plays_is_an_environment_and_ends_with_its_sentence():
    found = _entities(
        "Agents at play",
        "Our agent plays Pokemon Red, and a second agent learns to play Super Mario Bros. We also study agents playing Chess and Go. "
        "Data plays a key role.",
    )
    for game in ("Pokemon Red", "Chess", "Go"):
        assert (game, "Environment") in found, game
    assert not [name for name, _ in found if name.endswith("We")]


def test_a_one_digit_edition_after_a_listed_benchmark_stays_with_it_but_a_count_does_not():
    names = _names("Alignment", "ZetaAlign raises the win rate on AlpacaEval 2 from 22.9% to 41.3%. It wins on GSM8K 3 times out of 4.")
    assert "AlpacaEval 2" in names and "AlpacaEval" not in names
    assert "GSM8K" in names


def test_a_name_never_ends_in_a_score_from_a_flattened_table():
    names = _names("Pruning Backbones", "Backbone mAP: ResNet-50 37.9 ResNet-101 40.2 with our pruning.")
    assert "ResNet-50" in names and "ResNet-101" in names
    assert not any(name.endswith(("37.9", "40.2")) for name in names)


def test_section_labels_hardware_research_questions_and_table_columns_are_not_entities():
    names = _names(
        "Faster Kernels",
        "As Section II-B shows for RQ1, training on a GTX1080 and an A100 with TPUv3 pods is slower. "
        "Columns Ours-1 and Network-5 report MeanIoU, and SparseConv wins.",
    )
    assert not names & {"II-B", "RQ1", "GTX1080", "A100", "TPUv3", "Ours-1", "Network-5", "MeanIoU"}
    assert "SparseConv" in names


def test_authors_before_et_al_are_not_entities():
    names = _names("Reading Lists", "Following MacKenzie et al. (2019), we annotate LexiBank with BiLSTM taggers.")
    assert "MacKenzie" not in names
    assert "BiLSTM" in names


def test_capitalised_words_before_a_dataset_head_name_a_dataset_and_citations_do_not_hide_the_head():
    found = _entities(
        "Sentiment in Finance",
        "We fine-tune on the Harbour Finance Treebank and report results on the FinTQ [17] dataset. "
        "Images come from the Coastal Scenes Dataset [5].",
    )
    assert ("Harbour Finance", "Benchmark") in found or ("Harbour Finance Treebank", "Benchmark") in found
    assert ("FinTQ", "Benchmark") in found
    assert ("Coastal Scenes Dataset", "Benchmark") in found


def test_year_suffixed_names_are_datasets_and_networks_tested_on_are_models():
    found = _entities(
        "Sparse Filters",
        "Pruning experiments on PetiteNet and SlimVGG-16 keep accuracy. Segmentation results on VOC2012 and CityStreets2017 improve.",
    )
    assert ("PetiteNet", "Model") in found and ("SlimVGG-16", "Model") in found
    assert ("VOC2012", "Benchmark") in found and ("CityStreets2017", "Benchmark") in found


def test_a_score_measured_in_a_named_set_types_it_a_benchmark():
    found = _entities("Small Students", "Our student performs better in QNLX than in MRPQ, with higher accuracy in both.")
    assert ("QNLX", "Benchmark") in found


def test_what_agents_interact_with_or_are_deployed_in_is_an_environment():
    found = _entities(
        "Helpful Robots",
        "Our agent interacts with ShopSimX through clicks. The robots are then deployed in FactoryLabZ to stack boxes.",
    )
    assert ("ShopSimX", "Environment") in found
    assert ("FactoryLabZ", "Environment") in found


def test_a_coined_word_right_after_a_number_names_a_metric():
    names = _names("Fast Parsers", "QuickParse reaches 91.2 LAS and 93.0 UASX at 96 FPSQ on TreeSetQ.")
    assert not names & {"LAS", "UASX", "FPSQ"}
    assert {"QuickParse", "TreeSetQ"} <= names


def test_a_b_numbered_variant_is_a_model_checkpoint():
    found = _entities("Light Segmenters", "We distil into PixelFormer-B0 and compare with PixelFormer-B5.")
    assert ("PixelFormer-B0", "Model") in found and ("PixelFormer-B5", "Model") in found


def test_a_two_letter_acronym_names_an_entity_only_through_its_definition():
    found = _entities(
        "Small Students",
        "We compress a tagger with knowledge distillation (KD). Unlike earlier KD recipes, our Guided Network (GN) "
        "needs no labels, and GN runs on phones. Artificial Intelligence (AI) is everywhere, as in the United States (US).",
    )
    kd = found[("knowledge distillation", "Method")]
    assert "KD" in kd.aliases and len({ev.start for ev in kd.evidence}) == 2
    assert "GN" in found[("Guided Network", "Method")].aliases
    assert not {name for name, _ in found} & {"AI", "US", "Artificial Intelligence", "United States", "KD", "GN"}


def test_coined_lower_case_and_hyphenated_network_names_and_dimension_variants():
    found = _entities(
        "Video Clips as Words",
        "We embed clips with frame2vec and decode them with a Deconv-Net. Unlike 3D CNNs, our model reads the PondSet 2.0 dataset "
        "one frame at a time.",
    )
    assert ("frame2vec", "Method") in found and ("Deconv-Net", "Method") in found and ("3D CNNs", "Method") in found
    assert ("PondSet 2.0", "Benchmark") in found


def test_a_title_case_name_before_network_is_an_architecture_but_one_ordinary_word_is_not():
    found = _entities(
        "Wide Receptive Fields",
        "We propose Sparse Dilated Network for segmentation. Its Value Network and an ordinary Neural Network are left unchanged.",
    )
    assert ("Sparse Dilated Network", "Method") in found
    assert not {name for name, _ in found} & {"Value Network", "Neural Network"}


def test_a_lower_case_network_with_its_own_acronym_is_an_architecture():
    found = _entities("Dense Labels", "We build a shared multi-task network (MTN) on top of a pyramid. MTN labels every pixel.")
    assert "MTN" in found[("multi-task network", "Method")].aliases


def test_a_coined_name_followed_by_its_spelled_out_form_in_parentheses_is_one_entity():
    found = _entities(
        "Word Vectors Revisited",
        "We start from WeVeR (Weighted Vectors for Retrieval) embeddings. WeVeR is cheap. TagNet (Some Other Words) is not spelled.",
    )
    assert "WeVeR" in found[("Weighted Vectors for Retrieval", "Method")].aliases
    assert "Some Other Words" not in {name for name, _ in found}


def test_size_words_net_and_layer_kinds_stay_with_the_name():
    found = _entities(
        "Tiny Taggers",
        "We distil BERT LARGE into a convolutional LSTM and compare with a VGG Net encoder.",
    )
    assert ("BERT LARGE", "Model") in found
    assert ("convolutional LSTM", "Method") in found and ("VGG Net", "Method") in found
    assert not {name for name, _ in found} & {"LARGE", "VGG", "LSTM"}


def test_a_coined_name_after_on_keeps_the_capitalised_words_that_close_it():
    names = _names(
        "Patch Memories",
        "On KVTec AD it reaches 99.3% AUROC, and trained on WMT19 English-Czech, it reaches 29.8 BLEU. "
        "On ImageNetX Our model is best.",
    )
    assert {"KVTec AD", "WMT19 English-Czech", "ImageNetX"} <= names
    assert not names & {"KVTec", "WMT19", "ImageNetX Our"}


def test_a_listed_dataset_keeps_its_version():
    names = _names("Reading Comprehension", "We fine-tune on SQuAD v1.1 and report exact match.")
    assert "SQuAD v1.1" in names and "SQuAD" not in names


def test_an_acronym_before_a_colon_is_still_defined():
    found = _entities("Noisy Demonstrations", "A core problem of Learning from Sparse Demonstrations (LfSD): demonstrations are noisy.")
    assert "LfSD" in found[("Learning from Sparse Demonstrations", "Method")].aliases


def test_an_acronym_closing_a_named_variant_belongs_to_the_variant():
    found = _entities("Histories Matter", "Offline reinforcement learning (RL) learns from logged trials. We study offline RL with histories.")
    assert not any(name in {"RL", "reinforcement learning"} for name, _ in found)
    assert "RL" in found[("Offline reinforcement learning", "Method")].aliases


def test_a_hyphenated_coined_phrase_is_a_name_and_a_stock_phrase_is_not():
    names = _names("Tracking People", "Unlike Detect-and-Track, our tracker is a state-of-the-art and Plug-and-Play module.")
    assert "Detect-and-Track" in names and not names & {"Plug-and-Play", "State-of-the-Art"}


def test_distillation_made_for_a_named_network_is_one_method():
    found = _entities("Small Readers", "We propose a new Transformer distillation method and compare it with plain knowledge distillation.")
    assert ("Transformer distillation", "Method") in found and ("knowledge distillation", "Method") in found


def test_a_latex_tie_before_a_citation_key_ends_the_name():
    names = _names("Probing Evaluation", "We extend DyValQ~smith2023dyval to new tasks.")
    assert "DyValQ" in names and not any("~" in name for name in names)


def test_a_listed_name_keeps_its_edition_and_a_successor_its_plus():
    names = _names(
        "Fine-Grained Species",
        "We pretrain on iNaturalist 2018, segment with DeepLabv3+ and Masked autoencoders, and count 2000 images of ImageNet.",
    )
    assert {"iNaturalist 2018", "DeepLabv3+", "Masked autoencoders", "ImageNet"} <= names
    assert not names & {"iNaturalist", "DeepLabv3", "ImageNet 2000"}


def test_a_generic_class_with_a_modifier_is_no_name():
    names = _names("Weak Tool Learners", "We split the work over a Multi-LLM team and a GUI-Agent, and compare with ToolBenchQ.")
    assert not names & {"Multi-LLM", "GUI-Agent"} and "ToolBenchQ" in names


def test_an_organisation_before_a_capitalised_head_names_a_product_and_alone_stays_out():
    found = _entities(
        "Quadruped gaits",
        "We wrap our legged-robot simulator in the DeepMind Gym interface and release the code through DeepMind.",
    )
    assert ("DeepMind Gym", "Environment") in found
    assert not any(name == "DeepMind" for name, _ in found)


def test_adjectives_and_size_classes_shaped_like_names_are_not_entities():
    names = _names(
        "Text-Based Tutors",
        "We study Decision-Making in Text-Based tutoring with GitHub-sourced exercises. Sub-7B models and sub-32B models "
        "lag behind Llama-3.1-8B, which we fine-tune with DeepSeek-Prover traces.",
    )
    assert {"Text-Based", "Decision-Making", "GitHub-sourced", "sub-32B"}.isdisjoint(names)
    assert {"Llama-3.1-8B", "DeepSeek-Prover"} <= names


def test_capitalised_names_listed_with_a_known_model_are_models_with_their_versions():
    found = _entities(
        "Three judges",
        "We let GPT-4o, Falconet and Orrery 2.5 judge each essay, and compare them with Llama-3.1-8B.",
    )
    assert ("Falconet", "Model") in found
    assert ("Orrery 2.5", "Model") in found


def test_a_capitalised_word_before_a_listed_technique_in_capitals_names_its_variant():
    names = _names(
        "Tuning heat pumps",
        "Our controller beats baselines such as Proximal Policy Optimization and Tempered Actor-Critic. Actor-Critic variants lag.",
    )
    assert "Tempered Actor-Critic" in names


def test_reasoning_model_releases_are_models_by_shape():
    found = _entities("Puzzle solving", "We compare o4-mini-high and o7-preview with our solver on grid puzzles.")
    assert ("o4-mini-high", "Model") in found
    assert ("o7-preview", "Model") in found


def test_a_camelcase_name_after_a_dataset_is_its_own_and_a_grown_hardware_name_stays_out():
    found = _entities(
        "Fast recommenders",
        "On BookCrossing-2M LiteRec reaches a Recall@20 of 0.21, matching our baseline while training on one RTX 3090 Ti. "
        "Both beat BERT-110M.",
    )
    names = {name for name, _ in found}
    assert "BookCrossing-2M" in names and "LiteRec" in names
    assert ("BookCrossing-2M", "Model") not in found
    assert ("BERT-110M", "Model") in found
    assert not any("RTX" in name for name in names)


def test_a_metric_is_no_name_wherever_the_paper_writes_it():
    names = {e.name for e in extract_one(
        "Refining folds",
        "We propose FoldMend and report pLDDX throughout. FoldMend raises the mean TMQ-TS from 61.2 to 64.8, "
        "and it never loses more than 0.5 pLDDX on any target.",
    ).entities}
    assert "FoldMend" in names
    assert "TMQ-TS" not in names and "pLDDX" not in names



def test_a_year_before_a_name_is_its_edition_and_a_capitalised_challenge_ends_it():
    found = {e.name: e.type for e in extract_one(
        "Quiet calls", "We propose HushNet. On the blind test set of the 2021 QRX Challenge it improves the score."
    ).entities}
    assert found.get("QRX Challenge") == "Benchmark"


def test_a_capitalised_word_before_a_trained_network_is_part_of_its_name():
    names = {e.name for e in extract_one(
        "Robust features",
        "We propose MarginMix and train a PreAct ResNet-34 and a Deep ResNet-152 with it. Our ResNet-34 baseline is weaker.",
    ).entities}
    assert {"PreAct ResNet-34", "Deep ResNet-152"} <= names
    assert "PreAct" not in names and "Our ResNet-34" not in names


def test_a_release_number_before_the_names_verb_and_a_capital_v_version_stay_in_the_name():
    names = {e.name for e in extract_one(
        "Music and points",
        "We propose TempoNet. On our test set, SoundLDM 2 reaches 3.1, and on S3DIS, where Voxel Transformer V3 obtains 73.4, "
        "TempoNet needs 3 layers.",
    ).entities}
    assert "SoundLDM 2" in names
    assert any(n.endswith("Transformer V3") for n in names)


def test_what_a_verb_changes_from_one_number_to_another_is_a_metric():
    names = {e.name for e in extract_one(
        "Quiet calls", "We propose HushNet. On our blind test set it improves QMOS OVRL from 2.48 to 3.29 and uses VoxNet features."
    ).entities}
    assert "HushNet" in names and "VoxNet" in names
    assert not any("QMOS" in n or "OVRL" in n for n in names)


def test_a_release_number_after_a_listed_dataset_is_its_version_and_a_score_is_not():
    names = {e.name for e in extract_one(
        "Dialogue state", "We propose SlotMend and evaluate it on MNIST 3.1 and on SQuAD 2.0. It reaches 71.2 on SVHN 45.3 points."
    ).entities}
    assert {"MNIST 3.1", "SQuAD 2.0"} <= names
    assert "SVHN" in names and "SVHN 45.3" not in names


def test_each_capitalised_member_of_a_list_before_a_plural_head_is_a_name():
    found = {e.name: e.type for e in extract_one(
        "Forecasting", "Our PatchMix improves the Solar, Wind and Tides benchmarks, and we test in the Kitchen and Garage environments."
    ).entities}
    assert found.get("Solar") == found.get("Wind") == found.get("Tides") == "Benchmark"
    assert found.get("Kitchen") == found.get("Garage") == "Environment"


def test_what_a_and_of_a_number_frame_is_a_metric_and_a_four_digit_gpu_is_hardware():
    names = _names(
        "Lifting poses",
        "We propose ZetaPose for 3D pose lifting. On Human3.6M it reaches an MPJPE of 38.9 mm, and its MPJPE drops "
        "to 16.4 mm with ground-truth inputs. Inference takes 0.4 s on an RTX A6000.",
    )
    assert "ZetaPose" in names and "Human3.6M" in names
    assert not names & {"MPJPE", "A6000", "RTX A6000"}


def test_a_language_pair_is_a_split_never_a_name_nor_what_a_score_is_on():
    found = extract_one(
        "Aligning entities",
        "We propose ZetaAlign. ZetaAlign reaches a Hits@1 of 83.4% on DBP15K ZH-EN and 85.1% on JA-EN.",
    )
    names = {e.name for e in found.entities}
    assert "DBP15K" in names and not names & {"ZH-EN", "JA-EN", "DBP15K ZH-EN"}
    assert {(r.benchmark, r.value) for r in found.results} == {("DBP15K", "83.4%"), ("DBP15K", "85.1%")}


def test_a_software_kit_is_no_entity():
    assert not _names("Tool-using agents", "We build our agent on the OpenAI Agents SDK, and the Android SDK exposes the screen.")
