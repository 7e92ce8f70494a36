r"""The words and definitions of the layer documents, as data (one entry per layer kind).

Each entry: a title, the forward pass as ``align*`` lines, and a paragraph
saying what the symbols mean. The forward passes are the ones
``symbp.layers`` differentiates (its module docstrings say the same).
"""

from __future__ import annotations

_CONV_WORDS = (
    r"$C$ input and $K$ output channels, kernel $k$, stride $s$, zero padding $P$ (per dimension); "
    r"$w_{c,k,i}$ is the weight from input channel $c$ to output channel $k$ at kernel position $i$ "
    r"(deep-learning ``convolution'' is a cross-correlation). $\hat g_k$ is $g_k$ dilated by the stride "
    r"($s-1$ zeros between its entries), $\mathrm{pad}_{k-1}$ pads it by $k-1$ zeros on each side (and by the "
    r"$(n+2P-k) \bmod s$ positions no window reached, at the end), $\mathrm{rot}_{180}$ turns the kernel by $180^\circ$, "
    r"$\star$ is the valid cross-correlation."
)

_POOL_WORDS = (
    r"$C$ channels, window $k_h \times k_w$, stride $s$, padding $P$; window $p$ of channel $c$ holds the input "
    r"positions $s(p-1)+i-P$, $i = 1..k$, that lie inside the input."
)

_NORM_WORDS = (
    r"$x_{i,c}$: sample $i$, feature $c$; $\gamma_c, \beta_c$ per feature; $\epsilon > 0$ a symbol. In the exact "
    r"algebra $(\sigma^2+\epsilon)^{-1/2}$ is an atom $u$ whose derivative is $-\tfrac12 u^3\, \partial(\sigma^2+\epsilon)$; "
    r"$\mu$ and $\sigma^2$ are the polynomials of their definitions."
)

KINDS: dict[str, dict] = {
    "conv1d": dict(
        title="One-dimensional convolution",
        definition=(r"\tilde x_{c,u} &= x_{c,u-P} \text{ for } 1 \le u-P \le n, \text{ else } 0,\\"
                    r"y_{k,p} &= b_k + \sum_{c=1}^{C} \sum_{i=1}^{k} w_{c,k,i}\, \tilde x_{c,\, s(p-1)+i}."),
        words=_CONV_WORDS,
    ),
    "conv2d": dict(
        title="Two-dimensional convolution",
        definition=(r"\tilde x_{c,u,v} &= x_{c,u-P_h,v-P_w} \text{ inside the input, else } 0,\\"
                    r"y_{k,p,q} &= b_k + \sum_{c=1}^{C} \sum_{i=1}^{k_h}\sum_{j=1}^{k_w} w_{c,k,i,j}\, \tilde x_{c,\, s_h(p-1)+i,\, s_w(q-1)+j}."),
        words=_CONV_WORDS,
    ),
    "maxpool": dict(
        title="Max pooling",
        definition=(r"y_{c,p} &= \max_{u \in \mathrm{window}(p)} x_{c,u}"
                    r" = \sum_{u \in \mathrm{window}(p)} e_{c,p,u}\, x_{c,u}, \qquad e_{c,p,u} = [u = \arg\max]."),
        words=_POOL_WORDS + (
            r" Where every window has a unique maximum (every point but a set of measure zero) the indicators $e$ are "
            r"locally constant, so their derivative is $0$; the exact proof treats them as atoms, so it holds whichever "
            r"entry is the maximum. Ties: the maximum is not differentiable there; the convention is to route $g$ to the "
            r"first maximal entry of the window in row-major order (as PyTorch does), one element of the subdifferential."
        ),
    ),
    "avgpool": dict(
        title="Average pooling",
        definition=r"y_{c,p} &= \frac{1}{k_h k_w} \sum_{u \in \mathrm{window}(p)} x_{c,u} \qquad \text{(padded zeros counted)}.",
        words=_POOL_WORDS,
    ),
    "batchnorm": dict(
        title="Batch normalisation (training mode)",
        definition=(r"\mu_c &= \frac1m \sum_{i=1}^{m} x_{i,c}, \qquad \sigma^2_c = \frac1m \sum_{i=1}^{m} (x_{i,c}-\mu_c)^2,\\"
                    r"\hat x_{i,c} &= \frac{x_{i,c}-\mu_c}{\sqrt{\sigma^2_c+\epsilon}}, \qquad y_{i,c} = \gamma_c \hat x_{i,c} + \beta_c."),
        words=_NORM_WORDS + r" Each feature is normalised over the batch of $m$ samples.",
    ),
    "layernorm": dict(
        title="Layer normalisation",
        definition=(r"\mu_i &= \frac1n \sum_{c=1}^{n} x_{i,c}, \qquad \sigma^2_i = \frac1n \sum_{c=1}^{n} (x_{i,c}-\mu_i)^2,\\"
                    r"\hat x_{i,c} &= \frac{x_{i,c}-\mu_i}{\sqrt{\sigma^2_i+\epsilon}}, \qquad y_{i,c} = \gamma_c \hat x_{i,c} + \beta_c."),
        words=_NORM_WORDS + r" Each sample is normalised over its $n$ features.",
    ),
    "residual": dict(
        title="The residual connection",
        definition=r"y_i &= x_i + F_i(x), \qquad i = 1..n,",
        words=(r"for an arbitrary differentiable block $F$: in the exact algebra $F_i(x)$ and its Jacobian entries "
               r"$\partial F_i/\partial x_k$ are atoms of their own, so every proof holds for every block at once."),
    ),
    "dropout": dict(
        title="Dropout with a fixed mask",
        definition=r"y_i &= \frac{r_i\, x_i}{1-p}, \qquad r_i \in \{0, 1\} \text{ fixed},",
        words=(r"inverted dropout: the kept entries are scaled by $1/(1-p)$ during training. The mask entries are atoms in "
               r"the exact algebra (the proof holds for every mask); $1/(1-p)$ is an atom too."),
    ),
    "rnn": dict(
        title="A vanilla recurrent network: backpropagation through time",
        definition=(r"a_t &= W_{hh} h_{t-1} + W_{xh} x_t + b, \qquad h_t = \varphi(a_t), \qquad t = 1..T,"),
        words=(r"$h_0$ is given; the loss $L$ is any function of $h_1, \dots, h_T$ and $g_t = \partial L/\partial h_t$ is its "
               r"direct gradient at step $t$. $\delta_t \equiv \partial L/\partial a_t$ is the total derivative, obtained by "
               r"differentiating $L$ as a function of $a_t$. $\varphi$ is generic (its value and derivative are atoms, so the "
               r"proof holds for every differentiable activation) or $\tanh$ ($\varphi' = 1 - h^2$)."),
    ),
    "attention": dict(
        title="Single-head scaled dot-product attention",
        definition=(r"S_{ij} &= \frac{1}{\sqrt d} \sum_{a=1}^{d} Q_{ia} K_{ja}, \qquad P_{ij} = \frac{e^{S_{ij}}}{\sum_{j'} e^{S_{ij'}}},"
                    r" \qquad O_{ib} = \sum_j P_{ij} V_{jb},"),
        words=(r"with $G = \partial L/\partial O$ from above. In the exact algebra $e^{S_{ij}}$ and $1/\sum_{j'} e^{S_{ij'}}$ are "
               r"atoms (derivatives: itself, and minus its square), and $1/\sqrt d$ is rational when $d$ is a square and an "
               r"atom otherwise."),
    ),
    "softmax": dict(
        title="The softmax's backward pass",
        definition=r"p_j &= \frac{e^{z_j}}{\sum_k e^{z_k}},",
        words=r"with $g = \partial L/\partial p$ from above; $e^{z_j}$ and $1/\sum_k e^{z_k}$ are atoms in the exact algebra.",
    ),
    "softmax-ce": dict(
        title="Softmax and cross-entropy at the output",
        definition=r"p_j &= \frac{e^{z_j}}{\sum_k e^{z_k}}, \qquad C = -\sum_k y_k \ln p_k,",
        words=(r"the layer's output is the loss itself; $\ln p_k = z_k - \ln \sum_j e^{z_j}$. With targets that sum to 1 "
               r"the last target is $y_K = 1 - \sum_{k<K} y_k$."),
    ),
}
