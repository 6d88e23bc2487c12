import numpy as np
import pandas as pd


def add_total(df: pd.DataFrame) -> pd.DataFrame:
    df["total"] = df["price"] * df["qty"]
    return df


def label(df):
    return np.where(df["qty"] > 10, "big", "small")


def upper(df):
    return df["name"].apply(str.upper)  # one column, no axis


def col_stats(df):
    return df.apply(np.mean, axis=0)  # column-wise: one call per column
