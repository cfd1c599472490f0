"""Techniques papers name that torch, torchvision and scikit-learn implement: optimisers, layers, classic learners."""

from __future__ import annotations

from .common import Row, attr_path, note, version

TORCH_METHODS = {  # class in torch.nn / torch.optim -> (what papers write, aliases); losses are left out (GUIDELINES: losses are not entities)
    "optim.Adam": ("Adam", []), "optim.AdamW": ("AdamW", []), "optim.SGD": ("stochastic gradient descent", ["SGD"]),
    "optim.RMSprop": ("RMSProp", ["RMSprop"]), "optim.Adagrad": ("AdaGrad", ["Adagrad"]), "optim.Adadelta": ("AdaDelta", ["Adadelta"]),
    "optim.Adamax": ("Adamax", []), "optim.NAdam": ("NAdam", ["Nadam"]), "optim.RAdam": ("RAdam", []),
    "optim.LBFGS": ("L-BFGS", ["LBFGS"]), "optim.ASGD": ("averaged SGD", ["ASGD"]), "optim.Rprop": ("Rprop", ["RProp"]),
    "optim.SparseAdam": ("SparseAdam", []), "optim.Adafactor": ("Adafactor", []), "optim.Muon": ("Muon", []),
    "optim.swa_utils.AveragedModel": ("stochastic weight averaging", ["SWA"]),
    "optim.lr_scheduler.CosineAnnealingLR": ("cosine annealing", []),
    "optim.lr_scheduler.CosineAnnealingWarmRestarts": ("SGDR", ["stochastic gradient descent with warm restarts"]),
    "optim.lr_scheduler.OneCycleLR": ("one-cycle policy", ["1cycle"]),
    "nn.BatchNorm2d": ("batch normalization", ["BatchNorm", "batch normalisation", "batch norm"]),
    "nn.LayerNorm": ("layer normalization", ["LayerNorm", "layer normalisation", "layer norm"]),
    "nn.GroupNorm": ("group normalization", ["GroupNorm", "group normalisation"]),
    "nn.InstanceNorm2d": ("instance normalization", ["InstanceNorm", "instance normalisation"]),
    "nn.LocalResponseNorm": ("local response normalization", ["LRN"]), "nn.RMSNorm": ("RMSNorm", ["RMS normalization"]),
    "nn.SyncBatchNorm": ("synchronized batch normalization", ["SyncBN", "SyncBatchNorm"]),
    "nn.utils.spectral_norm": ("spectral normalization", ["spectral norm"]),
    "nn.utils.weight_norm": ("weight normalization", ["weight norm"]),
    "nn.Dropout": ("dropout", ["Dropout"]), "nn.AlphaDropout": ("alpha dropout", []),
    "nn.LSTM": ("LSTM", ["long short-term memory", "LSTMs"]), "nn.GRU": ("GRU", ["gated recurrent unit", "GRUs"]),
    "nn.RNN": ("recurrent neural network", ["RNN", "RNNs"]), "nn.Transformer": ("Transformer", ["Transformers"]),
    "nn.MultiheadAttention": ("multi-head attention", ["multi-head self-attention", "MHSA", "multihead attention"]),
    "nn.ReLU": ("ReLU", ["rectified linear unit"]), "nn.LeakyReLU": ("Leaky ReLU", ["LeakyReLU"]), "nn.PReLU": ("PReLU", []),
    "nn.ELU": ("ELU", ["exponential linear unit"]), "nn.SELU": ("SELU", []), "nn.CELU": ("CELU", []),
    "nn.GELU": ("GELU", ["Gaussian error linear unit"]), "nn.SiLU": ("SiLU", ["Swish"]), "nn.Mish": ("Mish", []),
    "nn.Hardswish": ("hard swish", ["h-swish", "Hardswish"]), "nn.GLU": ("gated linear unit", ["GLU"]),
    "nn.Softplus": ("Softplus", []), "nn.PixelShuffle": ("pixel shuffle", ["sub-pixel convolution"]),
    "nn.ConvTranspose2d": ("transposed convolution", ["deconvolution"]),
    "nn.AdaptiveAvgPool2d": ("global average pooling", ["GAP"]),
    "nn.CTCLoss": ("connectionist temporal classification", ["CTC"]),
    "nn.utils.clip_grad_norm_": ("gradient clipping", []), "nn.utils.prune.l1_unstructured": ("magnitude pruning", []),
    "ao.quantization.quantize_dynamic": ("dynamic quantization", []),
    "ao.quantization.prepare_qat": ("quantization-aware training", ["QAT"]),
    "utils.checkpoint.checkpoint": ("gradient checkpointing", ["activation checkpointing"]),
    "amp.autocast": ("mixed-precision training", ["mixed precision training", "AMP"]),
}
TORCHVISION_METHODS = {  # torchvision.ops and transforms -> what papers write
    "ops.nms": ("non-maximum suppression", ["NMS"]), "ops.batched_nms": ("non-maximum suppression", ["NMS"]),
    "ops.RoIAlign": ("RoIAlign", ["RoI Align", "ROI Align"]), "ops.RoIPool": ("RoI pooling", ["RoIPool", "ROI pooling"]),
    "ops.FeaturePyramidNetwork": ("Feature Pyramid Network", ["FPN"]), "ops.DeformConv2d": ("deformable convolution", ["DCN"]),
    "ops.StochasticDepth": ("stochastic depth", ["DropPath"]), "ops.DropBlock2d": ("DropBlock", []),
    "ops.SqueezeExcitation": ("squeeze-and-excitation", ["SE block", "SENet"]),
    "ops.generalized_box_iou": ("generalized IoU", ["GIoU"]),
    "transforms.RandAugment": ("RandAugment", []), "transforms.AutoAugment": ("AutoAugment", []),
    "transforms.TrivialAugmentWide": ("TrivialAugment", []), "transforms.AugMix": ("AugMix", []),
    "transforms.RandomErasing": ("random erasing", ["Random Erasing"]),
    "transforms.v2.MixUp": ("mixup", ["MixUp"]), "transforms.v2.CutMix": ("CutMix", []),
}



def method_rows() -> list[Row]:
    """Methods papers name that torch and torchvision implement: only those the installed release has."""
    import torch
    import torchvision

    rows = []
    for root, table in ((torch, TORCH_METHODS), (torchvision, TORCHVISION_METHODS)):
        source = version(root.__name__)
        for dotted, (name, aliases) in table.items():
            if attr_path(root, dotted) is None:
                note(f"{root.__name__}.{dotted} not in this release")
                continue
            rows.append(Row(name, "Method", source, list(aliases)))
    return rows



SKLEARN = {  # scikit-learn function or estimator -> what papers write
    "datasets.load_iris": ("Iris", []), "datasets.load_wine": ("Wine", ["Wine Recognition"]),
    "datasets.load_breast_cancer": ("Breast Cancer Wisconsin", ["WDBC"]), "datasets.load_diabetes": ("Diabetes", []),
    "datasets.load_digits": ("Optical Recognition of Handwritten Digits", []), "datasets.load_linnerud": ("Linnerud", []),
    "datasets.fetch_california_housing": ("California Housing", []), "datasets.fetch_covtype": ("Covertype", ["Forest Covertype", "CoverType"]),
    "datasets.fetch_20newsgroups": ("20 Newsgroups", ["20NG", "20 Newsgroup"]), "datasets.fetch_lfw_people": ("Labeled Faces in the Wild", ["LFW"]),
    "datasets.fetch_olivetti_faces": ("Olivetti Faces", []), "datasets.fetch_kddcup99": ("KDD Cup 99", ["KDDCup99", "KDD Cup 1999"]),
    "datasets.fetch_rcv1": ("RCV1", ["Reuters Corpus Volume I"]),
    "ensemble.RandomForestClassifier": ("random forest", ["random forests"]), "ensemble.GradientBoostingClassifier": ("gradient boosting", []),
    "ensemble.AdaBoostClassifier": ("AdaBoost", []), "ensemble.ExtraTreesClassifier": ("extremely randomized trees", ["extra trees"]),
    "ensemble.IsolationForest": ("isolation forest", []), "ensemble.BaggingClassifier": ("bagging", []),
    "svm.SVC": ("support vector machine", ["SVM", "SVMs", "support vector machines"]), "svm.OneClassSVM": ("one-class SVM", []),
    "linear_model.LogisticRegression": ("logistic regression", []), "linear_model.Ridge": ("ridge regression", []),
    "linear_model.Lasso": ("Lasso", ["LASSO"]), "linear_model.ElasticNet": ("elastic net", []),
    "linear_model.QuantileRegressor": ("quantile regression", []), "isotonic.IsotonicRegression": ("isotonic regression", []),
    "neighbors.KNeighborsClassifier": ("k-nearest neighbors", ["kNN", "k-NN", "KNN"]), "tree.DecisionTreeClassifier": ("decision tree", ["decision trees"]),
    "naive_bayes.GaussianNB": ("naive Bayes", []), "neural_network.MLPClassifier": ("multilayer perceptron", ["MLP", "multi-layer perceptron"]),
    "cluster.KMeans": ("k-means", ["K-means", "k-means clustering"]), "cluster.DBSCAN": ("DBSCAN", []), "cluster.OPTICS": ("OPTICS", []),
    "cluster.SpectralClustering": ("spectral clustering", []), "cluster.AgglomerativeClustering": ("agglomerative clustering", []),
    "cluster.MeanShift": ("mean shift", []), "cluster.Birch": ("BIRCH", []), "mixture.GaussianMixture": ("Gaussian mixture model", ["GMM"]),
    "decomposition.PCA": ("principal component analysis", ["PCA"]), "decomposition.FastICA": ("independent component analysis", ["ICA"]),
    "decomposition.NMF": ("non-negative matrix factorization", ["NMF"]), "decomposition.TruncatedSVD": ("truncated SVD", []),
    "decomposition.LatentDirichletAllocation": ("latent Dirichlet allocation", []), "cross_decomposition.CCA": ("canonical correlation analysis", ["CCA"]),
    "manifold.TSNE": ("t-SNE", ["tSNE"]), "manifold.Isomap": ("Isomap", []), "manifold.LocallyLinearEmbedding": ("locally linear embedding", ["LLE"]),
    "discriminant_analysis.LinearDiscriminantAnalysis": ("linear discriminant analysis", []), "kernel_ridge.KernelRidge": ("kernel ridge regression", []),
    "gaussian_process.GaussianProcessRegressor": ("Gaussian process", ["Gaussian processes", "GP"]),
    "semi_supervised.LabelPropagation": ("label propagation", []), "semi_supervised.SelfTrainingClassifier": ("self-training", []),
}


def sklearn_rows() -> list[Row]:
    import sklearn

    rows, source = [], version("scikit-learn")
    for dotted, (name, aliases) in SKLEARN.items():
        if attr_path(sklearn, dotted) is None:
            note(f"sklearn.{dotted} not in this release")
            continue
        rows.append(Row(name, "Benchmark" if dotted.startswith("datasets.") else "Method", source, list(aliases)))
    return rows

